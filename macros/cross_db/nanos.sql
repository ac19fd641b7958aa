{#-
    Exact money from integer nano-units (10^-9 of the currency): nanos_to_decimal(x) = x * 10^-9 as
    a decimal with 9 places, built by multiplication (decimal / decimal is a DOUBLE in DuckDB), and
    decimal_to_nanos(x) = x * 10^9 as a bigint (exact for amounts with at most 9 decimals).
    Telecom costs are carried as nanos: a rate card cost (6-second increments x a 6-decimal rate per
    minute) has 7 decimals, so micro-units would round.
-#}
{% macro nanos_to_decimal(nanos_expression) -%}
    cast(cast({{ nanos_expression }} as {{ fairshare.type_decimal(18, 0) }}) * cast(0.000000001 as {{ fairshare.type_decimal(10, 9) }}) as {{ fairshare.type_decimal(18, 9) }})
{%- endmacro %}

{% macro decimal_to_nanos(decimal_expression) -%}
    cast({{ decimal_expression }} * 1000000000 as {{ dbt.type_bigint() }})
{%- endmacro %}
