{#-
    Portable number formatting for the `explanation` sentences, built with string functions every
    engine has (cast, round, lpad, substr, length, concat): DuckDB, Snowflake and BigQuery each have
    a native formatter, but with different syntax (format('{:,.2f}'), to_varchar(x, '999,990.00'),
    format("%'.2f")), and this way one macro serves all three (and fakesnow). Display only: the
    money itself never goes through these.

    Two steps keep the SQL small when several numbers are formatted:
    - format_digits(x, d): the digits of round(|x| * 10^d) as text, at least d + 1 of them;
    - format_from_digits(digits, d, negative): those digits with thousands separators and the
      decimal point, and a minus sign when `negative` (a boolean SQL expression) holds.
    Compute the digits in one CTE, format them in the next (the digits column is then repeated,
    not the whole expression). format_number(x, d) does both at once for a simple expression.
-#}

{% macro format_digits(expression, decimals) -%}
    {%- set text = 'cast(cast(round(abs(' ~ expression ~ ') * ' ~ (10 ** decimals) ~ ', 0) as ' ~ dbt.type_bigint() ~ ') as ' ~ dbt.type_string() ~ ')' -%}
    {#- lpad truncates longer strings on every engine: pad only short ones -#}
    case when length({{ text }}) > {{ decimals }} then {{ text }} else lpad({{ text }}, {{ decimals + 1 }}, '0') end
{%- endmacro %}

{% macro format_from_digits(digits, decimals, negative='false') -%}
    {%- set int_len = 'length(' ~ digits ~ ') - ' ~ decimals -%}
    {%- set groups = [] -%}
    {%- for g in range(6, 0, -1) -%}
        {#- int part of more than 3*g digits: leading digits, then g groups of 3 -#}
        {%- set parts = ['substr(' ~ digits ~ ', 1, ' ~ int_len ~ ' - ' ~ (3 * g) ~ ')'] -%}
        {%- for j in range(g, 0, -1) -%}
            {%- do parts.append("','") -%}
            {%- do parts.append('substr(' ~ digits ~ ', ' ~ int_len ~ ' - ' ~ (3 * j - 1) ~ ', 3)') -%}
        {%- endfor -%}
        {%- do groups.append((g, dbt.concat(parts))) -%}
    {%- endfor -%}
    {%- set int_part -%}
        case
        {%- for g, grouped in groups %}
            when {{ int_len }} > {{ 3 * g }} then {{ grouped }}
        {%- endfor %}
            else substr({{ digits }}, 1, {{ int_len }})
        end
    {%- endset -%}
    {%- set pieces = ["case when " ~ negative ~ " and " ~ digits ~ " <> '" ~ ('0' * (decimals + 1)) ~ "' then '-' else '' end", int_part] -%}
    {%- if decimals > 0 -%}
        {%- do pieces.append("'.'") -%}
        {%- do pieces.append('substr(' ~ digits ~ ', ' ~ int_len ~ ' + 1, ' ~ decimals ~ ')') -%}
    {%- endif -%}
    {{ dbt.concat(pieces) }}
{%- endmacro %}

{#- A decimal as text with thousands separators and exactly `decimals` places (half up), e.g. 12,345.6 -#}
{% macro format_number(expression, decimals=2) -%}
    {{ fairshare.format_from_digits(fairshare.format_digits(expression, decimals), decimals, expression ~ ' < 0') }}
{%- endmacro %}

{#- The currency symbol prefix of var('currency'): '$' for USD, '€', '£', else the code and a space. -#}
{% macro currency_prefix() -%}
    {%- set symbols = {'USD': '$', 'EUR': '€', 'GBP': '£'} -%}
    {{ return(symbols.get(var('currency'), var('currency') ~ ' ')) }}
{%- endmacro %}

{#- Money from its digits (2 places): $1,234.56, -$12.00 for a credit. -#}
{% macro format_money_from_digits(digits, negative) -%}
    {{ dbt.concat([
        "case when " ~ negative ~ " then '-' else '' end",
        "'" ~ fairshare.currency_prefix() ~ "'",
        fairshare.format_from_digits(digits, 2)
    ]) }}
{%- endmacro %}

{#- Money with the currency of var('currency'), for a simple expression. -#}
{% macro format_money(expression) -%}
    {{ fairshare.format_money_from_digits(fairshare.format_digits(expression, 2), expression ~ ' < 0') }}
{%- endmacro %}

{#- A share (0..1) as a percentage with 2 places and a % sign, e.g. 12.50% -#}
{% macro format_percent(share_expression) -%}
    {{ dbt.concat([fairshare.format_number('(' ~ share_expression ~ ') * 100', 2), "'%'"]) }}
{%- endmacro %}
