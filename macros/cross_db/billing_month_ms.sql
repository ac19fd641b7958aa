{#-
    The billing month (var billing_month, YYYY-MM-01) as integer epoch milliseconds, computed in
    Jinja so the models compare bigints with literals (no engine date math):
    billing_month_start_ms() = first instant of the month (UTC), billing_month_end_ms() = first instant
    of the following month (exclusive).
-#}
{#- [first day of the billing month, first day of the next month] as Python datetimes. -#}
{% macro _billing_month_bounds() -%}
    {%- set first = modules.datetime.datetime.strptime(var('billing_month') | string, '%Y-%m-%d') -%}
    {%- if first.day != 1 -%}
        {{ exceptions.raise_compiler_error("var('billing_month') must be the first day of a month (YYYY-MM-01), got " ~ var('billing_month')) }}
    {%- endif -%}
    {%- if first.month == 12 -%}
        {%- set following = first.replace(year=first.year + 1, month=1) -%}
    {%- else -%}
        {%- set following = first.replace(month=first.month + 1) -%}
    {%- endif -%}
    {{ return([first, following]) }}
{%- endmacro %}

{% macro _billing_month_epoch_bounds() -%}
    {%- set bounds = fairshare._billing_month_bounds() -%}
    {%- set epoch = modules.datetime.datetime(1970, 1, 1) -%}
    {{ return([((bounds[0] - epoch).days * 86400000) | int, ((bounds[1] - epoch).days * 86400000) | int]) }}
{%- endmacro %}

{% macro billing_month_start_ms() -%}
    {{ fairshare._billing_month_epoch_bounds()[0] }}
{%- endmacro %}

{% macro billing_month_end_ms() -%}
    {{ fairshare._billing_month_epoch_bounds()[1] }}
{%- endmacro %}

{#- The billing month as a date literal (the partition column of the monthly models). -#}
{% macro billing_month_date() -%}
    cast('{{ var("billing_month") }}' as date)
{%- endmacro %}
