{#-
    Pro-rata helpers. Allocation math stays in integers (the DuckDB trap: decimal / decimal returns a
    double); decimals appear only for display, built from integers times an exact decimal power of ten.
-#}

{#- Parts per billion of `weight` in `total` (floor), as a bigint. total must be > 0. -#}
{% macro share_ppb(weight, total) -%}
    cast({{ fairshare.int_div(fairshare.int_wide(weight) ~ ' * 1000000000', fairshare.int_wide(total)) }} as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- An integer counted in units of 10^-scale, as an exact decimal(38, scale). -#}
{% macro scaled_to_decimal(integer_expression, scale) -%}
    (cast({{ integer_expression }} as {{ fairshare.type_decimal(38, 0) }}) * cast({{ '%.*f' | format(scale, 10 ** (-scale)) }} as {{ fairshare.type_decimal(38, scale) }}))
{%- endmacro %}

{#- A parts-per-billion integer as a display share (decimal(38, 9), 0..1). -#}
{% macro ppb_to_share(ppb) -%}
    {{ fairshare.scaled_to_decimal(ppb, 9) }}
{%- endmacro %}

{#- Integer milliseconds as decimal minutes (3 places, floor). -#}
{% macro ms_to_minutes(ms) -%}
    {{ fairshare.scaled_to_decimal(fairshare.int_div(ms, 60), 3) }}
{%- endmacro %}

{#- Integer milliseconds as decimal hours (3 places, floor). -#}
{% macro ms_to_hours(ms) -%}
    {{ fairshare.scaled_to_decimal(fairshare.int_div(ms, 3600), 3) }}
{%- endmacro %}

{#- A decimal quantity as an integer number of micro-units (exact for up to 6 decimal places). -#}
{% macro to_micro_units(decimal_expression) -%}
    cast(round({{ decimal_expression }} * 1000000, 0) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- A decimal money amount as integer cents (invoice lines carry at most 2 places). -#}
{% macro to_cents(decimal_expression) -%}
    cast(round({{ decimal_expression }} * 100, 0) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- Integer cents as decimal(18, 2). -#}
{% macro cents_to_amount(cents) -%}
    cast({{ fairshare.scaled_to_decimal(cents, 2) }} as {{ fairshare.type_decimal(18, 2) }})
{%- endmacro %}

{#- Cost centers that stand for "nobody": ORPHAN time and untagged objects (null code). -#}
{% macro orphan_code(cost_center_code) -%}
    coalesce({{ cost_center_code }}, 'ORPHAN')
{%- endmacro %}
