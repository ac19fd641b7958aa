{#-
    Boundaries of var('billing_month') as literals (computed in Jinja, so no engine date math):
    allocation_month_start() = first instant of the month, allocation_month_end() = first instant
    of the next month (exclusive). Timestamps are UTC, typed dbt.type_timestamp() like staging.
-#}

{#- _billing_month_bounds() lives in macros/cross_db/billing_month_ms.sql. -#}

{#- The billing month as a date literal. -#}
{% macro allocation_month() -%}
    cast('{{ fairshare._billing_month_bounds()[0].strftime("%Y-%m-%d") }}' as date)
{%- endmacro %}

{#- First instant of the billing month (timestamp literal). -#}
{% macro allocation_month_start() -%}
    cast('{{ fairshare._billing_month_bounds()[0].strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- First instant of the following month (exclusive end, timestamp literal). -#}
{% macro allocation_month_end() -%}
    cast('{{ fairshare._billing_month_bounds()[1].strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- First day of the following month (date literal). -#}
{% macro allocation_next_month() -%}
    cast('{{ fairshare._billing_month_bounds()[1].strftime("%Y-%m-%d") }}' as date)
{%- endmacro %}

{#- Milliseconds in the billing month (integer literal). -#}
{% macro allocation_month_ms() -%}
    {%- set bounds = fairshare._billing_month_bounds() -%}
    {{ return(((bounds[1] - bounds[0]).days * 86400000) | int) }}
{%- endmacro %}

{#- Number of concurrency slices in the billing month. -#}
{% macro allocation_month_slices() -%}
    {{ return((fairshare.allocation_month_ms() // fairshare.concurrency_slice_ms()) | int) }}
{%- endmacro %}

{#- Timestamp `ms` milliseconds after the billing month start (via epoch milliseconds: exact on every engine). -#}
{% macro allocation_month_offset(ms) -%}
    {{ fairshare.from_epoch_ms(fairshare.billing_month_start_ms() ~ ' + ' ~ ms) }}
{%- endmacro %}

{#- Integer milliseconds from the billing month start to a timestamp (negative before the month). -#}
{% macro allocation_month_ms_of(timestamp_expression) -%}
    ({{ fairshare.epoch_ms(timestamp_expression) }} - {{ fairshare.billing_month_start_ms() }})
{%- endmacro %}
