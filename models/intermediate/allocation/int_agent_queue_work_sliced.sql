{#-
    Where each agent worked, per concurrency slice of var('billing_month'): the cost center of the
    queues of the agent's segments (alert, interact, hold, wrap-up...) overlapping each slice, with the
    milliseconds worked for it. One row per user x slice: the cost center with the most queue time in
    that slice (ties: lowest code). Used to count a borrowed agent for the department they worked for.
    Segments of untagged queues are ignored (the agent then counts for their home department).
-#}
{%- set slice_ms = fairshare.concurrency_slice_ms() -%}
with

segments as (
    select * from {{ ref('stg_genesys__conversation_segments') }}
    where
        queue_id is not null
        and segment_started_at < {{ fairshare.allocation_month_end() }}
        and segment_ended_at > {{ fairshare.allocation_month_start() }}
),

participants as (
    select * from {{ ref('stg_genesys__conversation_participants') }}
    where user_id is not null
),

queue_tags as (
    select * from {{ ref('int_queues_tagged_to_cost_centers') }}
    where cost_center_code is not null
),

agent_segments as (
    select
        participants.user_id,
        queue_tags.cost_center_code,
        {{ fairshare.ms_between(
            fairshare.allocation_month_start(),
            'greatest(segments.segment_started_at, ' ~ fairshare.allocation_month_start() ~ ')'
        ) }} as from_ms,
        {{ fairshare.ms_between(
            fairshare.allocation_month_start(),
            'least(segments.segment_ended_at, ' ~ fairshare.allocation_month_end() ~ ')'
        ) }} as to_ms
    from segments
    inner join participants
        on
            segments.conversation_id = participants.conversation_id
            and segments.participant_id = participants.participant_id
    inner join queue_tags
        on
            segments.queue_id = queue_tags.queue_id
            and segments.segment_started_at >= queue_tags.valid_from
            and segments.segment_started_at < queue_tags.valid_to
),

agent_segment_slices as (
    select
        user_id,
        cost_center_code,
        from_ms,
        to_ms,
        {{ fairshare.int_div('from_ms', slice_ms) }} as first_slice,
        {{ fairshare.int_div('to_ms - 1', slice_ms) }} as last_slice
    from agent_segments
    where to_ms > from_ms
),

slice_spine as (
    {{ fairshare.slice_index_spine() }}
),

month_slices as (
    select slice_index
    from slice_spine
    where slice_index < {{ fairshare.allocation_month_slices() }}
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

multi_slice_work as (
    select
        agent_segment_slices.user_id,
        month_slices.slice_index,
        agent_segment_slices.cost_center_code,
        least(agent_segment_slices.to_ms, (month_slices.slice_index + 1) * {{ slice_ms }})
        - greatest(agent_segment_slices.from_ms, month_slices.slice_index * {{ slice_ms }}) as queue_ms
    from agent_segment_slices
    inner join month_slices
        on month_slices.slice_index between agent_segment_slices.first_slice and agent_segment_slices.last_slice
    where agent_segment_slices.first_slice < agent_segment_slices.last_slice
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
        user_id,
        cast(slice_index as {{ dbt.type_bigint() }}) as slice_index,
        cost_center_code,
        cast(queue_ms as {{ dbt.type_bigint() }}) as queue_ms
    from ranked
    where work_rank = 1
)

select * from final
