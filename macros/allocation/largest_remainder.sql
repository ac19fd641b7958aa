{#-
    largest_remainder: split an integer amount (cents) over rows in proportion to integer weights,
    exactly: every partition's allocations sum to its amount.

    Emits three CTEs (call it inside a `with` list, after the CTE it reads):
        <output_cte>__base, <output_cte>__ranked, <output_cte>
    The last one has every input column plus `<output_column>` (bigint) and the helper columns
    lr_weight_total, lr_rows, lr_sign, lr_abs_amount, lr_base, lr_remainder, lr_rank.

    Rule: base = floor(|amount| * w / W); remainder = |amount| * w - base * W; the
    |amount| - sum(base) leftover units go one each to the rows with the largest remainder,
    ties broken by `tie_break` (a list of columns, ascending: deterministic). A negative amount (a
    credit) is split on its absolute value and the sign re-applied, so a credit mirrors a charge.
    A partition of one row (most of them where an amount usually has one recipient) takes the
    rule's result for one row, its leftover unit if any and rank 1, without the ranking windows.
    Rows with weight 0 never receive a unit (their remainder is 0 and at least leftover + 1 rows have a
    positive remainder whenever leftover > 0). Every partition must have a positive total weight:
    callers route zero-driver lines elsewhere first. Weights must be non-negative integers.

    Arguments
    - input_cte: the CTE to read.
    - output_cte: name of the CTE to produce.
    - partition_by: list of columns identifying one amount (e.g. one vendor line).
    - amount_column: integer amount of the partition (same value on each of its rows).
    - weight_column: non-negative integer weight of the row.
    - tie_break: list of columns ordering rows with equal remainders.
-#}
{% macro largest_remainder(
    input_cte,
    output_cte,
    partition_by,
    amount_column,
    weight_column,
    tie_break,
    output_column='allocated_cents'
) -%}
{%- set partition = partition_by | join(', ') -%}
{{ output_cte }}__base as (
    select
        {{ input_cte }}.*,
        sum({{ weight_column }}) over (partition by {{ partition }}) as lr_weight_total,
        count(*) over (partition by {{ partition }}) as lr_rows,
        case when {{ amount_column }} < 0 then -1 else 1 end as lr_sign,
        abs({{ amount_column }}) as lr_abs_amount
    from {{ input_cte }}
),

{{ output_cte }}__ranked as (
    select
        {{ output_cte }}__base.*,
        cast({{ fairshare.int_div(
            fairshare.int_wide('lr_abs_amount') ~ ' * ' ~ fairshare.int_wide(weight_column),
            fairshare.int_wide('lr_weight_total')
        ) }} as {{ dbt.type_bigint() }}) as lr_base,
        {{ fairshare.int_wide('lr_abs_amount') }} * {{ fairshare.int_wide(weight_column) }}
        - {{ fairshare.int_wide(
            fairshare.int_div(
                fairshare.int_wide('lr_abs_amount') ~ ' * ' ~ fairshare.int_wide(weight_column),
                fairshare.int_wide('lr_weight_total')
            )
        ) }} * {{ fairshare.int_wide('lr_weight_total') }} as lr_remainder
    from {{ output_cte }}__base
),

{{ output_cte }} as (
    select
        {{ output_cte }}__ranked.*,
        cast(1 as {{ dbt.type_bigint() }}) as lr_rank,
        lr_sign * (lr_base + case when 1 <= lr_abs_amount - lr_base then 1 else 0 end) as {{ output_column }}
    from {{ output_cte }}__ranked
    where lr_rows = 1
    union all
    select
        {{ output_cte }}__ranked.*,
        row_number() over (
            partition by {{ partition }}
            order by lr_remainder desc, {{ tie_break | join(', ') }}
        ) as lr_rank,
        lr_sign * (
            lr_base
            + case
                when row_number() over (
                    partition by {{ partition }}
                    order by lr_remainder desc, {{ tie_break | join(', ') }}
                ) <= lr_abs_amount - sum(lr_base) over (partition by {{ partition }})
                    then 1
                else 0
            end
        ) as {{ output_column }}
    from {{ output_cte }}__ranked
    where lr_rows > 1
)
{%- endmacro %}


{#-
    even_split_part: the `rank`-th (1-based) of `parts` integer parts of a non-negative integer
    `amount` split evenly: floor(amount / parts), plus one for the first (amount mod parts) ranks,
    so the parts add up to the amount exactly (a slice shared by the cost centers connected at
    once). With one part (almost every slice) it is the amount itself, without the wide division.
-#}
{% macro even_split_part(amount, parts, rank) -%}
case
    when {{ parts }} = 1 then {{ amount }}
    else
        cast(
            {{ fairshare.int_div(amount, parts) }}
            + case when {{ rank }} <= {{ fairshare.int_mod(amount, parts) }} then 1 else 0 end
            as {{ dbt.type_bigint() }}
        )
end
{%- endmacro %}
