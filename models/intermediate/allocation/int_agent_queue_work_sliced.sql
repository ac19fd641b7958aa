{{ config(**fairshare.monthly_partition()) }}
{#-
    Where each agent worked, per concurrency slice of var('billing_month'): the cost center of the
    queues of the agent's segments (alert, interact, hold, wrap-up...) overlapping each slice, with the
    milliseconds worked for it. One row per user x slice: the cost center with the most queue time in
    that slice (ties: lowest code). Used to count a borrowed agent for the department they worked for.
    Segments of untagged queues are ignored (the agent then counts for their home department).
    Reads the validated segments of the segment attribution (excluded segments are left out).
-#}
{%- set slice_ms = fairshare.concurrency_slice_ms() -%}
with

segments as (
    select * from {{ ref('int_conversation_segments_validated') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and exclusion_reason is null
        and queue_id is not null
        and user_id is not null
        and started_ms < {{ fairshare.billing_month_end_ms() }}
        and ended_ms > {{ fairshare.billing_month_start_ms() }}
),

queue_tags as (
    select
        queue_id,
        cost_center_code,
        {{ fairshare.epoch_ms('valid_from') }} as valid_from_ms,
        {{ fairshare.epoch_ms('valid_to') }} as valid_to_ms
    from {{ ref('int_queues_tagged_to_cost_centers') }}
    where cost_center_code is not null
),

agent_segments as (
    select
        segments.user_id,
        queue_tags.cost_center_code,
        case
            when segments.started_ms < {{ fairshare.billing_month_start_ms() }} then 0
            else segments.started_ms - {{ fairshare.billing_month_start_ms() }}
        end as from_ms,
        case
            when segments.ended_ms > {{ fairshare.billing_month_end_ms() }} then {{ fairshare.billing_month_ms() }}
            else segments.ended_ms - {{ fairshare.billing_month_start_ms() }}
        end as to_ms
    from segments
    inner join queue_tags
        on
            segments.queue_id = queue_tags.queue_id
            and segments.started_ms >= queue_tags.valid_from_ms
            and segments.started_ms < queue_tags.valid_to_ms
),

agent_segment_slices as (
    select
        user_id,
        cost_center_code,
        from_ms,
        to_ms,
        {{ fairshare.floor_div_nonneg('from_ms', slice_ms) }} as first_slice,
        {{ fairshare.floor_div_nonneg('to_ms - 1', slice_ms) }} as last_slice
    from agent_segments
    where to_ms > from_ms
),

slice_spine as (
    {{ fairshare.slice_index_spine() }}
),

single_slice_work as (
    select
        user_id,
        first_slice as slice_index,
        cost_center_code,
        to_ms - from_ms as queue_ms
    from agent_segment_slices
    where first_slice = last_slice
),

multi_slice_segments as (
    select * from agent_segment_slices
    where first_slice < last_slice
),

{{ fairshare.expand_to_slices(
    'multi_slice_segments', 'multi_slice_expanded', 'slice_spine', 'first_slice', 'last_slice'
) }},

multi_slice_work as (
    select
        user_id,
        slice_index,
        cost_center_code,
        least(to_ms, (slice_index + 1) * {{ slice_ms }})
        - greatest(from_ms, slice_index * {{ slice_ms }}) as queue_ms
    from multi_slice_expanded
),

all_work as (
    select * from single_slice_work
    union all
    select * from multi_slice_work
),

work_by_cost_center as (
    select
        user_id,
        slice_index,
        cost_center_code,
        sum(queue_ms) as queue_ms
    from all_work
    group by 1, 2, 3
),

ranked as (
    select
        user_id,
        slice_index,
        cost_center_code,
        queue_ms,
        row_number() over (
            partition by user_id, slice_index
            order by queue_ms desc, cost_center_code asc
        ) as work_rank
    from work_by_cost_center
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_id,
        cast(slice_index as {{ dbt.type_bigint() }}) as slice_index,
        cost_center_code,
        cast(queue_ms as {{ dbt.type_bigint() }}) as queue_ms
    from ranked
    where work_rank = 1
)

select * from final
