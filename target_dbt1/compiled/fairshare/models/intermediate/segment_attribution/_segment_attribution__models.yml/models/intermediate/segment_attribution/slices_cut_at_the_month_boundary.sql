
-- Each conversation's timeline cut into elementary slices, with the cost center(s) responsible
-- in each slice and the slice's milliseconds split between them.
-- The slice boundaries are every instant where something changes: a responsibility piece starts
-- or ends (int_segments_tagged_to_cost_centers: segments cut at tag changes), a trunk leg starts or
-- ends, or a month begins. Between two consecutive boundaries nothing changes, so each slice is
-- matched to the pieces containing it (equi-join on the conversation + containment, no range join
-- over the whole table).
-- In a slice, handling pieces (queue/agent, level 1) win over IVR pieces (level 2); with neither the
-- slice is 'ORPHAN' / orphan_unowned. Several cost centers connected at once (consult,
-- conference) split the slice evenly: each gets floor(ms / n) and the remainder goes one
-- millisecond each to the first cost centers by code, so the parts add up to the slice exactly.

with

 __dbt__cte__int_segments_tagged_to_cost_centers as (

-- Fixture for int_segments_tagged_to_cost_centers
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('b' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", 
    
    cast(1790812770000 as BIGINT)
 as "started_ms", 
    
    cast(1790812830000 as BIGINT)
 as "ended_ms", 
    
    cast(1 as INTEGER)
 as "responsibility_level", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast('queue' as character varying)
 as "responsible_object_type", 
    
    cast('q_sales' as character varying)
 as "responsible_object_id"
),  __dbt__cte__int_trunk_legs_costed as (

-- Fixture for int_trunk_legs_costed
select 
    
    cast('b' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", cast(null as character varying(256)) as "cost_source", cast(null as BIGINT) as "leg_cost_nanos", 
    
    cast(1790812800000 as BIGINT)
 as "leg_started_ms", 
    
    cast(1790812830000 as BIGINT)
 as "leg_ended_ms", cast(null as BIGINT) as "total_leg_started_ms", cast(null as BIGINT) as "total_leg_ms", cast(null as BIGINT) as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", cast(null as BOOLEAN) as "is_missing_rate"
), pieces as (

    select
        conversation_id,
        started_ms,
        ended_ms,
        responsibility_level,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id
    from __dbt__cte__int_segments_tagged_to_cost_centers
    where billing_month = cast('2026-10-01' as date)

),

legs as (

    select
        conversation_id,
        leg_started_ms,
        leg_ended_ms
    from __dbt__cte__int_trunk_legs_costed
    where billing_month = cast('2026-10-01' as date)

),

instants as (

    select conversation_id, started_ms as at_ms from pieces
    union all
    select conversation_id, ended_ms as at_ms from pieces
    union all
    select conversation_id, leg_started_ms as at_ms from legs
    union all
    select conversation_id, leg_ended_ms as at_ms from legs

),

spans as (

    select
        conversation_id,
        min(at_ms) as span_started_ms,
        max(at_ms) as span_ended_ms
    from instants
    group by conversation_id

),

month_instants as (

    select conversation_id, 1790812800000 as at_ms
    from spans
    where
        span_started_ms < 1790812800000
        and span_ended_ms > 1790812800000
    union all
    select conversation_id, 1793491200000 as at_ms
    from spans
    where
        span_started_ms < 1793491200000
        and span_ended_ms > 1793491200000

),

boundaries as (

    select conversation_id, at_ms from instants
    union
    select conversation_id, at_ms from month_instants

),

slices as (

    select
        conversation_id,
        at_ms as slice_started_ms,
        lead(at_ms) over (partition by conversation_id order by at_ms) as slice_ended_ms
    from boundaries

),

slice_pieces as (

    select
        slices.conversation_id,
        slices.slice_started_ms,
        slices.slice_ended_ms,
        coalesce(pieces.responsibility_level, 3) as responsibility_level,
        coalesce(pieces.cost_center_code, 'ORPHAN') as cost_center_code,
        coalesce(pieces.attribution_rule, 'orphan_unowned') as attribution_rule,
        pieces.responsible_object_type,
        pieces.responsible_object_id
    from slices
    left join pieces
        on
            slices.conversation_id = pieces.conversation_id
            and pieces.started_ms <= slices.slice_started_ms
            and pieces.ended_ms >= slices.slice_ended_ms
    where slices.slice_ended_ms is not null

),

ranked_pieces as (

    select
        *,
        min(responsibility_level) over (
            partition by conversation_id, slice_started_ms
        ) as winning_level,
        row_number() over (
            partition by conversation_id, slice_started_ms, responsibility_level, cost_center_code
            order by
                case attribution_rule
                    when 'queue' then 1
                    when 'agent' then 2
                    when 'unknown_queue' then 3
                    else 4
                end,
                responsible_object_type,
                responsible_object_id
        ) as piece_rank
    from slice_pieces

),

-- One row per slice and responsible cost center.
departments as (

    select
        conversation_id,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id,
        slice_ended_ms - slice_started_ms as slice_ms,
        count(*) over (partition by conversation_id, slice_started_ms) as departments_connected,
        row_number() over (
            partition by conversation_id, slice_started_ms order by cost_center_code
        ) as department_rank
    from ranked_pieces
    where
        responsibility_level = winning_level
        and piece_rank = 1

),

final as (

    select
        cast('2026-10-01' as date) as billing_month,
        conversation_id,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        attribution_rule,
        responsibility_level,
        responsible_object_type,
        responsible_object_id,
        departments_connected,
        department_rank,
        slice_ms,
        cast(
            ((cast(slice_ms as hugeint) - (((cast(slice_ms as hugeint) % cast(departments_connected as hugeint)) + cast(departments_connected as hugeint)) % cast(departments_connected as hugeint))) // cast(departments_connected as hugeint))
            + case
                when department_rank <= (((cast(slice_ms as hugeint) % cast(departments_connected as hugeint)) + cast(departments_connected as hugeint)) % cast(departments_connected as hugeint)) then 1
                else 0
            end
            as bigint
        ) as attributed_ms,
        slice_started_ms >= 1790812800000
        and slice_started_ms < 1793491200000 as is_in_billing_month
    from departments

)

select * from final