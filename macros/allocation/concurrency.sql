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

{#-
    expand_to_slices: one row per input row x slice index in [first_slice_column, last_slice_column]
    (bigint slice indexes of the billing month). A plain range join of millions of intervals on the
    month's slice spine is slow (DuckDB falls back to a nested-loop-like plan); bucketing by day first
    turns it into a small range join on at most 31 days followed by an equi-join on the day:
    input -> the days it touches -> the slices of those days within the interval.

    Emits CTEs <output_cte>__days, <output_cte>__slices, <output_cte>__by_day and <output_cte>
    (every input column plus slice_index; callers read <output_cte> only, by column name).
    This is default__expand_to_slices (Snowflake, BigQuery); DuckDB has its own (below). `spine_cte` must be a CTE with a bigint slice_index
    column covering the month (e.g. from slice_index_spine()).
-#}
{% macro expand_to_slices(input_cte, output_cte, spine_cte, first_slice_column, last_slice_column) -%}
    {{- return(adapter.dispatch('expand_to_slices', 'fairshare')(
        input_cte, output_cte, spine_cte, first_slice_column, last_slice_column)) -}}
{%- endmacro %}

{#-
    DuckDB: each interval unnests its own slice numbers (generate_series, inclusive), kept within the
    month's spine (within `spine_cte`'s range, < billing_month_slices()): the same rows as the portable range
    join, which DuckDB plans as a piecewise merge join of every interval with the whole month
    (2.2 s of int_agent_queue_work_sliced's 3 s at 1M conversations). Emits <output_cte> only:
    every input column plus slice_index.
-#}
{% macro duckdb__expand_to_slices(input_cte, output_cte, spine_cte, first_slice_column, last_slice_column) -%}
{{ output_cte }}__unnested as (
    select
        {{ input_cte }}.*,
        unnest(generate_series({{ input_cte }}.{{ first_slice_column }}, {{ input_cte }}.{{ last_slice_column }}))
            as slice_index
    from {{ input_cte }}
),

{{ output_cte }} as (
    select *
    from {{ output_cte }}__unnested
    where
        slice_index >= (select min({{ spine_cte }}.slice_index) from {{ spine_cte }})
        and slice_index <= (select max({{ spine_cte }}.slice_index) from {{ spine_cte }})
        and slice_index < {{ fairshare.billing_month_slices() }}
)
{%- endmacro %}

{% macro default__expand_to_slices(input_cte, output_cte, spine_cte, first_slice_column, last_slice_column) -%}
{%- set per_day = (1440 // (var('concurrency_slice_minutes') | int)) | int -%}
{{ output_cte }}__slices as (
    select
        slice_index,
        {{ fairshare.floor_div_nonneg('slice_index', per_day) }} as day_index
    from {{ spine_cte }}
    where slice_index < {{ fairshare.billing_month_slices() }}
),

{{ output_cte }}__days as (
    select distinct day_index
    from {{ output_cte }}__slices
),

{{ output_cte }}__by_day as (
    select
        {{ input_cte }}.*,
        {{ output_cte }}__days.day_index as expand_day_index
    from {{ input_cte }}
    inner join {{ output_cte }}__days
        on
            {{ output_cte }}__days.day_index
            between {{ fairshare.floor_div_nonneg(input_cte ~ '.' ~ first_slice_column, per_day) }}
            and {{ fairshare.floor_div_nonneg(input_cte ~ '.' ~ last_slice_column, per_day) }}
),

{{ output_cte }} as (
    select
        {{ output_cte }}__by_day.*,
        {{ output_cte }}__slices.slice_index
    from {{ output_cte }}__by_day
    inner join {{ output_cte }}__slices
        on
            {{ output_cte }}__by_day.expand_day_index = {{ output_cte }}__slices.day_index
            and {{ output_cte }}__slices.slice_index
            between {{ output_cte }}__by_day.{{ first_slice_column }} and {{ output_cte }}__by_day.{{ last_slice_column }}
)
{%- endmacro %}

{#-
    floor_div_nonneg: floor(a / b) for NON-NEGATIVE bigint a and positive b (slice numbers of
    millisecond offsets). fairshare.int_div handles negatives and huge products in a 38-digit type,
    which costs noticeably on millions of rows; here plain 64-bit integer division is enough.
    DuckDB: // on bigint. Snowflake: floor of the exact NUMBER division. BigQuery: div() on int64.
-#}
{% macro floor_div_nonneg(dividend, divisor) -%}
    {{- return(adapter.dispatch('floor_div_nonneg', 'fairshare')(dividend, divisor)) -}}
{%- endmacro %}

{% macro default__floor_div_nonneg(dividend, divisor) -%}
    cast(floor(({{ dividend }}) / ({{ divisor }})) as {{ dbt.type_bigint() }})
{%- endmacro %}

{% macro duckdb__floor_div_nonneg(dividend, divisor) -%}
    (cast({{ dividend }} as bigint) // cast({{ divisor }} as bigint))
{%- endmacro %}

{% macro bigquery__floor_div_nonneg(dividend, divisor) -%}
    div(cast({{ dividend }} as int64), cast({{ divisor }} as int64))
{%- endmacro %}
