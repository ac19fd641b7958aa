{#-
    Exact integer floor division and modulo, for money and share arithmetic (never `/`: in DuckDB
    decimal / decimal is a DOUBLE). The divisor must be a positive integer; the dividend may be
    negative (floor semantics: int_div(-7, 2) = -4, int_mod(-7, 2) = 1).

    Pass factors already widened when a product may exceed bigint (9.2e18), or use mul_div:
        {{ fairshare.mul_div('amount_cents', 'weight', 'weight_total') }}   -- floor(a * b / c)

    DuckDB: 128-bit hugeint with the `//` operator (which truncates toward zero: the floor is
    rebuilt from the floor modulo). Snowflake: no integer-division operator; (a - floor_mod) / b is an
    exact multiple of b, so the NUMBER division is exact (round() only guards engines that divide
    in binary floating point). BigQuery: div() on BIGNUMERIC (INT64 would overflow), which
    truncates toward zero like DuckDB.
-#}

{% macro int_div(dividend, divisor) -%}
    {{- return(adapter.dispatch('int_div', 'fairshare')(dividend, divisor)) -}}
{%- endmacro %}

{% macro default__int_div(dividend, divisor) -%}
    (({{ fairshare.int_wide(dividend) }} - {{ fairshare.int_mod(dividend, divisor) }}) / {{ fairshare.int_wide(divisor) }})
{%- endmacro %}

{#- DuckDB: `//` truncates toward zero; step down by one when the truncated remainder is negative. -#}
{% macro duckdb__int_div(dividend, divisor) -%}
    (({{ fairshare.int_wide(dividend) }} // {{ fairshare.int_wide(divisor) }})
    - case when {{ fairshare.int_wide(dividend) }} % {{ fairshare.int_wide(divisor) }} < 0 then 1 else 0 end)
{%- endmacro %}

{% macro snowflake__int_div(dividend, divisor) -%}
    cast(round(({{ fairshare.int_wide(dividend) }} - {{ fairshare.int_mod(dividend, divisor) }}) / {{ fairshare.int_wide(divisor) }}) as number(38))
{%- endmacro %}

{% macro bigquery__int_div(dividend, divisor) -%}
    div({{ fairshare.int_wide(dividend) }} - {{ fairshare.int_mod(dividend, divisor) }}, {{ fairshare.int_wide(divisor) }})
{%- endmacro %}


{#- Floor modulo for a positive divisor: the result is in [0, divisor). -#}
{% macro int_mod(dividend, divisor) -%}
    {{- return(adapter.dispatch('int_mod', 'fairshare')(dividend, divisor)) -}}
{%- endmacro %}

{% macro default__int_mod(dividend, divisor) -%}
    mod(mod({{ fairshare.int_wide(dividend) }}, {{ fairshare.int_wide(divisor) }}) + {{ fairshare.int_wide(divisor) }}, {{ fairshare.int_wide(divisor) }})
{%- endmacro %}

{% macro duckdb__int_mod(dividend, divisor) -%}
    ({{ fairshare.int_wide(dividend) }} % {{ fairshare.int_wide(divisor) }}
    + case when {{ fairshare.int_wide(dividend) }} % {{ fairshare.int_wide(divisor) }} < 0 then {{ fairshare.int_wide(divisor) }} else 0 end)
{%- endmacro %}


{#- floor(a * b / c) computed in the wide integer type (the product never overflows bigint). -#}
{% macro mul_div(factor_a, factor_b, divisor) -%}
    {{ fairshare.int_div(fairshare.int_wide(factor_a) ~ ' * ' ~ fairshare.int_wide(factor_b), divisor) }}
{%- endmacro %}


{#-
    Cast an integer expression to a 38-digit integer type. DuckDB: hugeint; Snowflake:
    number(38) (scale 0 by default; spelled without the scale because the fakesnow emulator maps
    exactly `number(38,0)` to a 64-bit BIGINT); BigQuery: bignumeric (int64 overflows on
    products, div()/mod() accept it).
-#}
{% macro int_wide(expression) -%}
    {{- return(adapter.dispatch('int_wide', 'fairshare')(expression)) -}}
{%- endmacro %}

{% macro default__int_wide(expression) -%}
    cast({{ expression }} as numeric(38, 0))
{%- endmacro %}

{% macro duckdb__int_wide(expression) -%}
    cast({{ expression }} as hugeint)
{%- endmacro %}

{% macro snowflake__int_wide(expression) -%}
    cast({{ expression }} as number(38))
{%- endmacro %}

{% macro bigquery__int_wide(expression) -%}
    cast({{ expression }} as bignumeric)
{%- endmacro %}
