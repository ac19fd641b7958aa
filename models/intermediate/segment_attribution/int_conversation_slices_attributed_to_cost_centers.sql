{{ config(**fairshare.monthly_partition()) }}
-- Each conversation's timeline cut into elementary slices, with the cost center(s) responsible in
-- each slice and the slice's milliseconds split between them.
--
-- 1. Responsibility pieces: every segment that makes a cost center responsible while it lasts,
--    cut where that cost center's tag changes (a queue rename, an agent's mid-month move):
--    - level 1 (handling): a segment routed through a queue (queue wait, alert, interact, hold)
--      -> the queue's cost center at that instant (rule queue; 'ORPHAN' for an untagged queue; a
--      queue id missing from the directory gives 'ORPHAN' with rule unknown_queue); an agent/user
--      segment without a queue (or a user's own voicemail) -> the agent's cost center at that
--      instant (rule agent);
--    - level 2 (IVR): an IVR or bot segment -> the conversation's tag (rule ivr_tag: participant
--      data has no timestamp in Genesys, so a tagged conversation counts all its IVR time to the
--      tag), else 'ORPHAN' (rule orphan_ivr).
--    Wrap-up is never trunk time and is not a piece; customer/external segments make the legs.
-- 2. Slices: the boundaries are every instant where something changes (a piece or a trunk leg
--    starts or ends, a month begins), so nothing changes inside a slice and each slice is matched
--    to the pieces containing it (equi-join on the conversation + containment, no range join over
--    the whole table).
-- 3. In a slice, handling pieces win over IVR pieces; with neither the slice is 'ORPHAN' /
--    orphan_unowned. Several cost centers connected at once (consult, conference) split the slice
--    evenly: floor(ms / n) each, the remainder one millisecond each to the first codes, so the
--    parts add up to the slice exactly.
-- Conversations are identified by conversation_key (int_conversations_tagged_to_cost_centers).

with

segments as (

    select
        conversation_key,
        purpose,
        user_id,
        queue_id,
        segment_type,
        started_ms,
        ended_ms
    from {{ ref('int_conversation_segments_validated') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and exclusion_reason is null
        and ended_ms > started_ms
        and segment_type != 'wrapup'
        and (purpose is null or purpose not in ('customer', 'external'))

),

queue_tags as (

    select
        queue_id,
        cost_center_code,
        {{ fairshare.epoch_ms('valid_from') }} as valid_from_ms,
        {{ fairshare.epoch_ms('valid_to') }} as valid_to_ms
    from {{ ref('int_queues_tagged_to_cost_centers') }}

),

user_tags as (

    select
        user_id,
        cost_center_code,
        {{ fairshare.epoch_ms('valid_from') }} as valid_from_ms,
        {{ fairshare.epoch_ms('valid_to') }} as valid_to_ms
    from {{ ref('int_users_tagged_to_cost_centers') }}

),

conversation_tags as (

    select
        conversation_key,
        cost_center_code
    from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

queue_pieces as (

    select
        segments.conversation_key,
        case
            when queue_tags.valid_from_ms > segments.started_ms then queue_tags.valid_from_ms
            else segments.started_ms
        end as started_ms,
        case
            when queue_tags.valid_to_ms < segments.ended_ms then queue_tags.valid_to_ms
            else segments.ended_ms
        end as ended_ms,
        1 as responsibility_level,
        coalesce(queue_tags.cost_center_code, 'ORPHAN') as cost_center_code,
        case when queue_tags.queue_id is null then 3 else 1 end as rule_rank,
        segments.queue_id as responsible_object_id
    from segments
    left join queue_tags
        on
            segments.queue_id = queue_tags.queue_id
            and segments.ended_ms > queue_tags.valid_from_ms
            and segments.started_ms < queue_tags.valid_to_ms
    where segments.queue_id is not null

),

agent_pieces as (

    select
        segments.conversation_key,
        case
            when user_tags.valid_from_ms > segments.started_ms then user_tags.valid_from_ms
            else segments.started_ms
        end as started_ms,
        case
            when user_tags.valid_to_ms < segments.ended_ms then user_tags.valid_to_ms
            else segments.ended_ms
        end as ended_ms,
        1 as responsibility_level,
        coalesce(user_tags.cost_center_code, 'ORPHAN') as cost_center_code,
        2 as rule_rank,
        segments.user_id as responsible_object_id
    from segments
    left join user_tags
        on
            segments.user_id = user_tags.user_id
            and segments.ended_ms > user_tags.valid_from_ms
            and segments.started_ms < user_tags.valid_to_ms
    where
        segments.queue_id is null
        and (
            segments.purpose in ('agent', 'user')
            or (segments.purpose = 'voicemail' and segments.user_id is not null)
        )

),

ivr_pieces as (

    select
        segments.conversation_key,
        segments.started_ms,
        segments.ended_ms,
        2 as responsibility_level,
        coalesce(conversation_tags.cost_center_code, 'ORPHAN') as cost_center_code,
        case when conversation_tags.cost_center_code is not null then 4 else 5 end as rule_rank,
        cast(null as {{ dbt.type_string() }}) as responsible_object_id
    from segments
    left join conversation_tags
        on segments.conversation_key = conversation_tags.conversation_key
    where
        segments.queue_id is null
        and (segments.purpose in ('ivr', 'botflow') or segments.segment_type = 'ivr')

),

all_pieces as (

    select * from queue_pieces
    union all
    select * from agent_pieces
    union all
    select * from ivr_pieces

),

pieces as (

    select * from all_pieces
    where ended_ms > started_ms

),

legs as (

    select
        conversation_key,
        leg_started_ms,
        leg_ended_ms
    from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}

),

instants as (

    select
        conversation_key,
        started_ms as at_ms
    from pieces
    union all
    select
        conversation_key,
        ended_ms as at_ms
    from pieces
    union all
    select
        conversation_key,
        leg_started_ms as at_ms
    from legs
    union all
    select
        conversation_key,
        leg_ended_ms as at_ms
    from legs
    -- Month boundaries inside a piece (legs are already cut there).
    union all
    select
        conversation_key,
        {{ fairshare.billing_month_start_ms() }} as at_ms
    from pieces
    where
        started_ms < {{ fairshare.billing_month_start_ms() }}
        and ended_ms > {{ fairshare.billing_month_start_ms() }}
    union all
    select
        conversation_key,
        {{ fairshare.billing_month_end_ms() }} as at_ms
    from pieces
    where
        started_ms < {{ fairshare.billing_month_end_ms() }}
        and ended_ms > {{ fairshare.billing_month_end_ms() }}

),

-- Consecutive instants make the slices; a repeated instant gives an empty slice, dropped below
-- (cheaper than a distinct over all instants).
slices as (

    select
        conversation_key,
        at_ms as slice_started_ms,
        lead(at_ms) over (partition by conversation_key order by at_ms) as slice_ended_ms
    from instants

),

slice_pieces as (

    select
        slices.conversation_key,
        slices.slice_started_ms,
        slices.slice_ended_ms,
        coalesce(pieces.responsibility_level, 3) as responsibility_level,
        coalesce(pieces.cost_center_code, 'ORPHAN') as cost_center_code,
        coalesce(pieces.rule_rank, 6) as rule_rank,
        pieces.responsible_object_id
    from slices
    left join pieces
        on
            slices.conversation_key = pieces.conversation_key
            and slices.slice_started_ms >= pieces.started_ms
            and slices.slice_ended_ms <= pieces.ended_ms
    where slices.slice_ended_ms > slices.slice_started_ms

),

-- One row per slice, level and cost center: the best rule (queue before agent before
-- unknown_queue) and the smallest object id of that rule.
departments as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code,
        min(rule_rank) as rule_rank,
        min(case when rule_rank = 1 then responsible_object_id end) as queue_object_id,
        min(case when rule_rank = 2 then responsible_object_id end) as agent_object_id,
        min(case when rule_rank = 3 then responsible_object_id end) as unknown_queue_object_id
    from slice_pieces
    group by
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        responsibility_level,
        cost_center_code

),

-- Per slice: the winning level and how many cost centers share it (an aggregate and a join:
-- much cheaper than window functions over millions of tiny partitions).
slice_levels as (

    select
        conversation_key,
        slice_started_ms,
        min(responsibility_level) as winning_level,
        sum(case when responsibility_level = 1 then 1 else 0 end) as handling_count,
        sum(case when responsibility_level = 2 then 1 else 0 end) as ivr_count
    from departments
    group by conversation_key, slice_started_ms

),

winners as (

    select
        departments.conversation_key,
        departments.slice_started_ms,
        departments.slice_ended_ms,
        departments.responsibility_level,
        departments.cost_center_code,
        case departments.rule_rank
            when 1 then 'queue'
            when 2 then 'agent'
            when 3 then 'unknown_queue'
            when 4 then 'ivr_tag'
            when 5 then 'orphan_ivr'
            else 'orphan_unowned'
        end as attribution_rule,
        case departments.rule_rank
            when 1 then departments.queue_object_id
            when 2 then departments.agent_object_id
            when 3 then departments.unknown_queue_object_id
        end as responsible_object_id,
        case
            when slice_levels.winning_level = 1 then slice_levels.handling_count
            when slice_levels.winning_level = 2 then slice_levels.ivr_count
            else 1
        end as departments_connected,
        departments.slice_ended_ms - departments.slice_started_ms as slice_ms
    from departments
    inner join slice_levels
        on
            departments.conversation_key = slice_levels.conversation_key
            and departments.slice_started_ms = slice_levels.slice_started_ms
            and departments.responsibility_level = slice_levels.winning_level

),

-- The rank by code only matters where several cost centers share a slice (rare): rank those only.
shared_slices as (

    select
        *,
        row_number() over (
            partition by conversation_key, slice_started_ms order by cost_center_code
        ) as department_rank
    from winners
    where departments_connected > 1

),

ranked as (

    select
        *,
        1 as department_rank
    from winners
    where departments_connected = 1
    union all
    select * from shared_slices

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
        departments_connected,
        department_rank,
        slice_ms,
        cast(
            {{ fairshare.int_div('slice_ms', 'departments_connected') }}
            + case
                when department_rank <= {{ fairshare.int_mod('slice_ms', 'departments_connected') }} then 1
                else 0
            end
            as {{ dbt.type_bigint() }}
        ) as attributed_ms,
        slice_started_ms >= {{ fairshare.billing_month_start_ms() }}
        and slice_started_ms < {{ fairshare.billing_month_end_ms() }} as is_in_billing_month
    from ranked

)

select * from final
