{{ config(**fairshare.monthly_partition()) }}
-- Stage 3 of the conversation timeline: the cost center(s) responsible in each elementary slice
-- (int_conversation_timeline_slices) of the month's conversations, and the slice's milliseconds
-- split between them. A slice is matched to the responsibility pieces containing it
-- (int_conversation_responsibility_pieces):
-- - handling pieces (level 1) win over IVR pieces (level 2); with neither the slice is
--   'ORPHAN' / orphan_unowned (level 3);
-- - per cost center at the winning level the best rule counts (queue before agent before
--   unknown_queue; ivr_tag before orphan_ivr) with the smallest object id of that rule;
-- - several cost centers connected at once (consult, conference) split the slice evenly:
--   floor(ms / n) each, the remainder one millisecond each to the first codes, so the parts add
--   up to the slice exactly.
-- Fast paths: 99 % of slices lie in one responsibility piece (or none), and they are attributed
-- straight from it, found by a count of pieces per slice on integer keys (grouping millions of
-- slices on their cost-center codes and object ids was this model's largest cost). Of the
-- slices in several pieces, those with one cost center at the winning level take one aggregate
-- per slice; only the rest go through the per-cost-center grouping, the join back and the ranking.
-- Conversations are identified by conversation_key (int_conversations_tagged_to_cost_centers).

with

slice_pieces as (

    select
        slices.conversation_key,
        slices.slice_started_ms,
        slices.slice_ended_ms,
        coalesce(pieces.responsibility_level, 3) as responsibility_level,
        coalesce(pieces.cost_center_code, 'ORPHAN') as cost_center_code,
        coalesce(pieces.rule_rank, 6) as rule_rank,
        pieces.responsible_object_id
    from {{ ref('int_conversation_timeline_slices') }} as slices
    left join {{ ref('int_conversation_responsibility_pieces') }} as pieces
        on
            slices.conversation_key = pieces.conversation_key
            and slices.slice_started_ms >= pieces.started_ms
            and slices.slice_ended_ms <= pieces.ended_ms

),

-- Slices matched by more than one piece (overlapping responsibilities: consults, conferences, a
-- queue and its agent); few, so the aggregates below run on a small share of the slices.
multi_piece_slices as (

    select
        conversation_key,
        slice_started_ms
    from slice_pieces
    group by conversation_key, slice_started_ms
    having count(*) > 1

),

-- A slice in exactly one piece (or in none: level 3, 'ORPHAN'): that piece's cost center and rule,
-- as the aggregates below would find them.
one_piece_slices as (

    select
        slice_pieces.conversation_key,
        slice_pieces.slice_started_ms,
        slice_pieces.slice_ended_ms,
        slice_pieces.responsibility_level,
        case when slice_pieces.responsibility_level = 3 then 'ORPHAN' else slice_pieces.cost_center_code end
            as cost_center_code,
        case when slice_pieces.responsibility_level = 3 then 6 else slice_pieces.rule_rank end as rule_rank,
        case when slice_pieces.rule_rank = 1 then slice_pieces.responsible_object_id end as queue_object_id,
        case when slice_pieces.rule_rank = 2 then slice_pieces.responsible_object_id end as agent_object_id,
        case when slice_pieces.rule_rank = 3 then slice_pieces.responsible_object_id end as unknown_queue_object_id,
        1 as departments_connected,
        1 as department_rank
    from slice_pieces
    left join multi_piece_slices
        on
            slice_pieces.conversation_key = multi_piece_slices.conversation_key
            and slice_pieces.slice_started_ms = multi_piece_slices.slice_started_ms
    where multi_piece_slices.conversation_key is null

),

multi_slice_pieces as (

    select slice_pieces.*
    from slice_pieces
    inner join multi_piece_slices
        on
            slice_pieces.conversation_key = multi_piece_slices.conversation_key
            and slice_pieces.slice_started_ms = multi_piece_slices.slice_started_ms

),

-- One row per slice in several pieces: the winning level and, per level, the smallest and largest
-- cost center, the best rule and the smallest object of each rule (enough to attribute a
-- single-cost-center slice).
slice_summary as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        min(responsibility_level) as winning_level,
        min(case when responsibility_level = 1 then cost_center_code end) as level_1_first_code,
        max(case when responsibility_level = 1 then cost_center_code end) as level_1_last_code,
        min(case when responsibility_level = 1 then rule_rank end) as level_1_rule_rank,
        min(case when responsibility_level = 2 then cost_center_code end) as level_2_first_code,
        max(case when responsibility_level = 2 then cost_center_code end) as level_2_last_code,
        min(case when responsibility_level = 2 then rule_rank end) as level_2_rule_rank,
        min(case when rule_rank = 1 then responsible_object_id end) as queue_object_id,
        min(case when rule_rank = 2 then responsible_object_id end) as agent_object_id,
        min(case when rule_rank = 3 then responsible_object_id end) as unknown_queue_object_id
    from multi_slice_pieces
    group by conversation_key, slice_started_ms, slice_ended_ms

),

single_department_slices as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        winning_level as responsibility_level,
        case winning_level
            when 1 then level_1_first_code
            when 2 then level_2_first_code
            else 'ORPHAN'
        end as cost_center_code,
        case winning_level
            when 1 then level_1_rule_rank
            when 2 then level_2_rule_rank
            else 6
        end as rule_rank,
        queue_object_id,
        agent_object_id,
        unknown_queue_object_id,
        1 as departments_connected,
        1 as department_rank
    from slice_summary
    where
        winning_level = 3
        or (winning_level = 1 and level_1_first_code = level_1_last_code)
        or (winning_level = 2 and level_2_first_code = level_2_last_code)

),

-- The rest (several cost centers at the winning level): one row per slice and cost center at
-- that level, the best rule and the smallest object id of each rule, ranked by code.
shared_slice_pieces as (

    select multi_slice_pieces.*
    from multi_slice_pieces
    inner join slice_summary
        on
            multi_slice_pieces.conversation_key = slice_summary.conversation_key
            and multi_slice_pieces.slice_started_ms = slice_summary.slice_started_ms
            and multi_slice_pieces.responsibility_level = slice_summary.winning_level
    where
        (slice_summary.winning_level = 1 and slice_summary.level_1_first_code != slice_summary.level_1_last_code)
        or (slice_summary.winning_level = 2 and slice_summary.level_2_first_code != slice_summary.level_2_last_code)

),

shared_departments as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code,
        min(rule_rank) as rule_rank,
        min(case when rule_rank = 1 then responsible_object_id end) as queue_object_id,
        min(case when rule_rank = 2 then responsible_object_id end) as agent_object_id,
        min(case when rule_rank = 3 then responsible_object_id end) as unknown_queue_object_id,
        count(*) over (partition by conversation_key, slice_started_ms) as departments_connected,
        row_number() over (
            partition by conversation_key, slice_started_ms order by cost_center_code
        ) as department_rank
    from shared_slice_pieces
    group by
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code

),

departments as (

    select * from one_piece_slices
    union all
    select * from single_department_slices
    union all
    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code,
        rule_rank,
        queue_object_id,
        agent_object_id,
        unknown_queue_object_id,
        departments_connected,
        department_rank
    from shared_departments

),

ruled as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        responsibility_level,
        case rule_rank
            when 1 then 'queue'
            when 2 then 'agent'
            when 3 then 'unknown_queue'
            when 4 then 'ivr_tag'
            when 5 then 'orphan_ivr'
            else 'orphan_unowned'
        end as attribution_rule,
        case rule_rank
            when 1 then queue_object_id
            when 2 then agent_object_id
            when 3 then unknown_queue_object_id
        end as responsible_object_id,
        departments_connected,
        department_rank,
        slice_ended_ms - slice_started_ms as slice_ms
    from departments

),

final as (

    select
        {{ fairshare.billing_month() }} as billing_month,
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        attribution_rule,
        responsibility_level,
        case
            when attribution_rule in ('queue', 'unknown_queue') then 'queue'
            when attribution_rule = 'agent' then 'user'
            when attribution_rule in ('ivr_tag', 'orphan_ivr') then 'conversation'
        end as responsible_object_type,
        responsible_object_id,
        cast(departments_connected as {{ dbt.type_bigint() }}) as departments_connected,
        cast(department_rank as {{ dbt.type_bigint() }}) as department_rank,
        slice_ms,
        {{ fairshare.even_split_part('slice_ms', 'departments_connected', 'department_rank') }} as attributed_ms,
        slice_started_ms >= {{ fairshare.billing_month_start_ms() }}
        and slice_started_ms < {{ fairshare.billing_month_end_ms() }} as is_in_billing_month
    from ruled

)

select * from final
