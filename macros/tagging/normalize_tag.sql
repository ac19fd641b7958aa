{#- The matching key of a typed value (a tag, an alias, a flow or client name): trimmed and lower
    case, so ' Sales ', 'SALES' and 'sales' match the same code or alias. -#}
{% macro normalize_tag(expression) -%}
    lower(trim({{ expression }}))
{%- endmacro %}
