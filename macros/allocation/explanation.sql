{#-
    A driver quantity formatted for its unit: whole numbers for counts of requests and departments,
    2 places for percentages, 1 place otherwise (minutes, hours, users, interactions).
-#}
{% macro format_quantity(expression, unit_column) -%}
    case
        when {{ unit_column }} in ('requests', 'departments') then {{ fairshare.format_number(expression, 0) }}
        when {{ unit_column }} = 'percent' then {{ fairshare.format_number(expression, 2) }}
        else {{ fairshare.format_number(expression, 1) }}
    end
{%- endmacro %}
