{#-
    Helpers of the insights models (unit economics, budgets, explained changes, licence advisor).
    Money stays in integers: cents, or nano-cents (10^-9 of a cent) for the exact intermediate
    values of the month-over-month decomposition; quantities in nano-units (10^-9 of a unit).
-#}

{#- The first day of the month `months_back` months before var('billing_month'), as a date literal. -#}
{% macro insights_month_before(months_back=1) -%}
    {%- set first = fairshare._billing_month_bounds()[0] -%}
    {%- set index = first.year * 12 + (first.month - 1) - months_back -%}
    {%- set earlier = first.replace(year=(index // 12), month=(index % 12) + 1) -%}
    cast('{{ earlier.strftime("%Y-%m-%d") }}' as date)
{%- endmacro %}

{#- Days in var('billing_month') (integer literal). -#}
{% macro insights_days_in_month() -%}
    {%- set bounds = fairshare._billing_month_bounds() -%}
    {{ return((bounds[1] - bounds[0]).days) }}
{%- endmacro %}

{#- round(numerator / denominator) half up, exact on integers; the denominator must be > 0. -#}
{% macro div_half_up(numerator, denominator) -%}
    {{ fairshare.int_div(
        '2 * ' ~ fairshare.int_wide(numerator) ~ ' + ' ~ fairshare.int_wide(denominator),
        '2 * ' ~ fairshare.int_wide(denominator)
    ) }}
{%- endmacro %}

{#- round(a * b / c) half up in the wide integer type; c must be > 0. -#}
{% macro mul_div_half_up(factor_a, factor_b, divisor) -%}
    {{ fairshare.div_half_up(fairshare.int_wide(factor_a) ~ ' * ' ~ fairshare.int_wide(factor_b), divisor) }}
{%- endmacro %}

{#- A decimal(38, 9) quantity as an integer number of nano-units (exact: the scale is 9). -#}
{% macro to_nano_units(decimal_expression) -%}
    cast(round(cast({{ decimal_expression }} as {{ fairshare.type_decimal(38, 9) }}) * 1000000000, 0) as {{ fairshare.type_decimal(38, 0) }})
{%- endmacro %}

{#- An integer over a positive integer as a display decimal with `scale` places, rounded half up. -#}
{% macro ratio_to_decimal(numerator, denominator, scale) -%}
    {{ fairshare.scaled_to_decimal(
        fairshare.mul_div_half_up(numerator, (10 ** scale) | string, denominator), scale
    ) }}
{%- endmacro %}

{#- Integers 0 .. count - 1 in a column `spine_number` (digits cross-joined; no query at compile time). -#}
{% macro number_spine(count) -%}
    {%- set digits = ((count - 1) | string) | length -%}
    select spine_number
    from (
        select
            cast(
            {%- for i in range(digits) %} d{{ i }}.digit * {{ 10 ** i }}{{ ' +' if not loop.last }}{% endfor %}
            as {{ dbt.type_bigint() }}) as spine_number
        from
            {% for i in range(digits) -%}
                (
                    select 0 as digit union all select 1 union all select 2 union all select 3
                    union all select 4 union all select 5 union all select 6 union all select 7
                    union all select 8 union all select 9
                ) as d{{ i }}{{ ',' if not loop.last }}
            {% endfor %}
    ) as numbers
    where spine_number < {{ count }}
{%- endmacro %}

{#- Cost per driver unit as decimal(18, 4), half up: cents x `multiplier` / `driver` (the
    multiplier turns cents and the driver's unit into currency per unit: 10^7 for parts-per-billion
    of an interaction or user, 600 for milliseconds to minutes, 36000 for milliseconds to hours);
    null when the driver is not positive. -#}
{% macro unit_cost(cents, multiplier, driver) -%}
    case
        when {{ driver }} > 0
            then cast(
                {{ fairshare.ratio_to_decimal(cents ~ ' * ' ~ multiplier, driver, 4) }}
                as {{ fairshare.type_decimal(18, 4) }}
            )
    end
{%- endmacro %}
