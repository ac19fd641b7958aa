{#-
    Concurrency rules (Genesys concurrent-user billing, see docs/allocation-rules.md "Concurrency").
-#}

{#- Slice width in milliseconds. -#}
{% macro concurrency_slice_ms() -%}
    {{ return(var('concurrency_slice_minutes') | int * 60000) }}
{%- endmacro %}

{#-
    Number of slices a concurrency level must be reached in (in total, not necessarily contiguous) to
    count as billed: ceil(concurrency_peak_min_minutes / concurrency_slice_minutes), at least 1.
-#}
{% macro peak_slice_count() -%}
    {%- set slice = var('concurrency_slice_minutes') | int -%}
    {%- set minimum = var('concurrency_peak_min_minutes') | int -%}
    {%- set count = ((minimum + slice - 1) // slice) -%}
    {{ return([count, 1] | max) }}
{%- endmacro %}

{#-
    Integers 0 .. 10^digits - 1 as column `slice_index`, from cross-joined digit lists (portable:
    no generate_series / range / generator()). Enough digits for every slice of a 31-day month.
-#}
{% macro slice_index_spine() -%}
    {%- set max_slices = (31 * 24 * 60) // (var('concurrency_slice_minutes') | int) + 1 -%}
    {%- set digits = (max_slices | string) | length -%}
    select
        cast(
        {%- for i in range(digits) %} d{{ i }}.digit * {{ 10 ** i }}{{ ' +' if not loop.last }}{% endfor %}
        as {{ dbt.type_bigint() }}) as slice_index
    from
        {% for i in range(digits) -%}
            (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d{{ i }}{{ ',' if not loop.last }}
        {% endfor %}
{%- endmacro %}

{#-
    billed_peak: the Genesys billed peak per partition, i.e. the highest concurrency level held for at
    least concurrency_peak_min_minutes in total over the month. With one row per slice (slices where
    nobody was logged in may be absent), that is the k-th largest slice value, k = peak_slice_count();
    0 when fewer than k slices have anyone logged in.

    Emits CTEs <output_cte>__ranked and <output_cte> (columns: partition columns, billed_peak).
-#}
{% macro billed_peak(input_cte, output_cte, partition_by, users_column) -%}
{%- set partition = partition_by | join(', ') -%}
{{ output_cte }}__ranked as (
    select
        {{ partition }},
        {{ users_column }} as users,
        row_number() over (partition by {{ partition }} order by {{ users_column }} desc) as level_rank
    from {{ input_cte }}
),

{{ output_cte }} as (
    select
        {{ partition }},
        max(case when level_rank = {{ fairshare.peak_slice_count() }} then users else 0 end) as billed_peak
    from {{ output_cte }}__ranked
    group by {{ partition }}
)
{%- endmacro %}

{#-
    Overage rule weight for one department: its excess over entitlement summed over the org's peak
    slices when any department exceeded; otherwise (nobody exceeded) its concurrency in those slices.
    `any_excess_column` is the org-wide sum of excess over the peak slices.
-#}
{% macro overage_cause_weight(excess_column, users_column, any_excess_column) -%}
    case when {{ any_excess_column }} > 0 then {{ excess_column }} else {{ users_column }} end
{%- endmacro %}
