
    

    create  table
      "dbt1"."intermediate"."int_agent_queue_work_sliced__dbt_tmp"
  
    
    as (
      with

segments as (
    select * from "dbt1"."staging"."stg_genesys__conversation_segments"
    where
        queue_id is not null
        and segment_started_at < cast('2026-11-01 00:00:00' as timestamp)
        and segment_ended_at > cast('2026-10-01 00:00:00' as timestamp)
),

participants as (
    select * from "dbt1"."staging"."stg_genesys__conversation_participants"
    where user_id is not null
),

queue_tags as (
    select * from "dbt1"."intermediate"."int_queues_tagged_to_cost_centers"
    where cost_center_code is not null
),

agent_segments as (
    select
        participants.user_id,
        queue_tags.cost_center_code,
        (epoch_ms(greatest(segments.segment_started_at, cast('2026-10-01 00:00:00' as timestamp))) - epoch_ms(cast('2026-10-01 00:00:00' as timestamp))) as from_ms,
        (epoch_ms(least(segments.segment_ended_at, cast('2026-11-01 00:00:00' as timestamp))) - epoch_ms(cast('2026-10-01 00:00:00' as timestamp))) as to_ms
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
        ((cast(from_ms as hugeint) - (((cast(from_ms as hugeint) % cast(900000 as hugeint)) + cast(900000 as hugeint)) % cast(900000 as hugeint))) // cast(900000 as hugeint)) as first_slice,
        ((cast(to_ms - 1 as hugeint) - (((cast(to_ms - 1 as hugeint) % cast(900000 as hugeint)) + cast(900000 as hugeint)) % cast(900000 as hugeint))) // cast(900000 as hugeint)) as last_slice
    from agent_segments
    where to_ms > from_ms
),

slice_spine as (
    select
        cast( d0.digit * 1 + d1.digit * 10 + d2.digit * 100 + d3.digit * 1000
        as bigint) as slice_index
    from
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d0,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d1,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d2,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d3
        
),

month_slices as (
    select slice_index
    from slice_spine
    where slice_index < 2976
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
        least(agent_segment_slices.to_ms, (month_slices.slice_index + 1) * 900000)
        - greatest(agent_segment_slices.from_ms, month_slices.slice_index * 900000) as queue_ms
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
            order by queue_ms desc, cost_center_code
        ) as work_rank
    from work_by_cost_center
),

final as (
    select
        user_id,
        cast(slice_index as bigint) as slice_index,
        cost_center_code,
        cast(queue_ms as bigint) as queue_ms
    from ranked
    where work_rank = 1
)

select * from final
    );
    
  