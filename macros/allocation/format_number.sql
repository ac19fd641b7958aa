{#-
    Portable number formatting for the `explanation` sentences: built from integer parts with lpad,
    cast and string concatenation, which DuckDB, Snowflake and BigQuery all have (their native
    formatters differ: DuckDB format('{:,.2f}'), Snowflake to_varchar(x, '999,990.00'),
    BigQuery format("%'.2f")). Display only: the money itself never goes through these.
-#}

{#- Thousands-separated digits of a non-negative integer expression (up to 10^18). -#}
{% macro format_integer_grouped(integer_expression) -%}
    {%- set n = fairshare.int_wide(integer_expression) -%}
    case
    {%- for g in range(6, 0, -1) %}
        when {{ n }} >= {{ 1000 ** g }} then {{ dbt.concat(
            ['cast(' ~ fairshare.int_div(n, 1000 ** g) ~ ' as ' ~ dbt.type_string() ~ ')']
            + fairshare._format_groups(n, g)
        ) }}
    {%- endfor %}
        else cast({{ n }} as {{ dbt.type_string() }})
    end
{%- endmacro %}

{% macro _format_groups(n, g) -%}
    {%- set parts = [] -%}
    {%- for j in range(g - 1, -1, -1) -%}
        {%- do parts.append("','") -%}
        {%- do parts.append(
            'lpad(cast(' ~ fairshare.int_mod(fairshare.int_div(n, 1000 ** j) if j > 0 else n, 1000)
            ~ ' as ' ~ dbt.type_string() ~ "), 3, '0')"
        ) -%}
    {%- endfor -%}
    {{ return(parts) }}
{%- endmacro %}

{#- A decimal as text with thousands separators and exactly `decimals` places (half up), e.g. 12,345.6 -#}
{% macro format_number(expression, decimals=2) -%}
    {%- set scaled = fairshare.int_wide('round(abs(' ~ expression ~ ') * ' ~ (10 ** decimals) ~ ', 0)') -%}
    {%- set parts = [
        "case when " ~ expression ~ " < 0 and round(abs(" ~ expression ~ ") * " ~ (10 ** decimals) ~ ", 0) > 0 then '-' else '' end",
        fairshare.format_integer_grouped(fairshare.int_div(scaled, 10 ** decimals))
    ] -%}
    {%- if decimals > 0 -%}
        {%- do parts.append("'.'") -%}
        {%- do parts.append(
            'lpad(cast(' ~ fairshare.int_mod(scaled, 10 ** decimals) ~ ' as ' ~ dbt.type_string() ~ '), '
            ~ decimals ~ ", '0')"
        ) -%}
    {%- endif -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}

{#- Money with the currency of var('currency'): $1,234.56 for USD, -$12.00 for a credit, else "EUR 1,234.56". -#}
{% macro format_money(expression) -%}
    {%- set symbols = {'USD': '$', 'EUR': '€', 'GBP': '£'} -%}
    {%- set currency = var('currency') -%}
    {%- set prefix = symbols.get(currency, currency ~ ' ') -%}
    {{ dbt.concat([
        "case when " ~ expression ~ " < 0 then '-' else '' end",
        "'" ~ prefix ~ "'",
        fairshare.format_number('abs(' ~ expression ~ ')', 2)
    ]) }}
{%- endmacro %}

{#- A share (0..1 decimal) as a percentage with 2 places and a % sign, e.g. 12.50% -#}
{% macro format_percent(share_expression) -%}
    {{ dbt.concat([fairshare.format_number('(' ~ share_expression ~ ') * 100', 2), "'%'"]) }}
{%- endmacro %}
