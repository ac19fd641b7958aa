{#-
    Display forms of driver quantities for the `explanation` sentences (counts that are counts read
    as whole numbers; measures keep their decimals). Display only.
-#}

{#- A counted quantity: `922` when whole, else with `decimals` places (`909.24`: shared conversations count in part). -#}
{% macro format_count(expression, decimals=2) -%}
    case
        when {{ expression }} = round({{ expression }}, 0) then {{ fairshare.format_number(expression, 0) }}
        else {{ fairshare.format_number(expression, decimals) }}
    end
{%- endmacro %}

{#- Money with its ISO 4217 code: `USD 1,234.56`, `USD -252.50`. -#}
{% macro format_iso_money(amount_expression, currency_expression) -%}
    {{ dbt.concat([currency_expression, "' '", fairshare.format_number(amount_expression, 2)]) }}
{%- endmacro %}
