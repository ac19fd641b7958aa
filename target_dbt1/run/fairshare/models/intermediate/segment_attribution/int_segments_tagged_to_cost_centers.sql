
    

    create  table
      "dbt1"."intermediate"."int_segments_tagged_to_cost_centers__dbt_tmp"
  
    
    as (
      
-- The responsibility pieces of each conversation's timeline: every segment that makes a cost
-- center responsible while it lasts, cut where that cost center's tag changes.
-- - level 1 (handling): a segment routed through a queue (queue wait, alert, interact, hold, ...)
--   -> the queue's cost center at that instant (rule queue; an untagged queue gives 'ORPHAN'; a
--   queue id missing from the directory gives 'ORPHAN' with rule unknown_queue); an agent/user
--   segment without a queue -> the agent's cost center at that instant (rule agent).
-- - level 2 (IVR): an IVR or bot segment -> the conversation's tag (participant data or dialled
--   DID; rule ivr_tag), else 'ORPHAN' (rule orphan_ivr). Participant data has no timestamp in
--   Genesys, so a tagged conversation counts all its IVR time to the tag.
-- Wrap-up is never trunk time and is not a piece; customer/external segments make the legs instead.

with

segments as (

    select
        conversation_id,
        session_id,
        segment_index,
        purpose,
        user_id,
        queue_id,
        segment_type,
        started_ms,
        ended_ms
    from "dbt1"."intermediate"."int_conversation_segments_validated"
    where
        billing_month = cast('2026-10-01' as date)
        and exclusion_reason is null
        and ended_ms > started_ms
        and segment_type != 'wrapup'
        and (purpose is null or purpose not in ('customer', 'external'))

),

queue_tags as (

    select
        queue_id,
        cost_center_code,
        epoch_ms(valid_from) as valid_from_ms,
        epoch_ms(valid_to) as valid_to_ms
    from "dbt1"."intermediate"."int_queues_tagged_to_cost_centers"

),

user_tags as (

    select
        user_id,
        cost_center_code,
        epoch_ms(valid_from) as valid_from_ms,
        epoch_ms(valid_to) as valid_to_ms
    from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"

),

conversation_tags as (

    select
        conversation_id,
        cost_center_code
    from "dbt1"."intermediate"."int_conversations_tagged_to_cost_centers"
    where billing_month = cast('2026-10-01' as date)

),

queue_pieces as (

    select
        segments.conversation_id,
        segments.session_id,
        segments.segment_index,
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
        case when queue_tags.queue_id is null then 'unknown_queue' else 'queue' end as attribution_rule,
        'queue' as responsible_object_type,
        segments.queue_id as responsible_object_id
    from segments
    left join queue_tags
        on
            segments.queue_id = queue_tags.queue_id
            and queue_tags.valid_from_ms < segments.ended_ms
            and queue_tags.valid_to_ms > segments.started_ms
    where segments.queue_id is not null

),

agent_pieces as (

    select
        segments.conversation_id,
        segments.session_id,
        segments.segment_index,
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
        'agent' as attribution_rule,
        'user' as responsible_object_type,
        segments.user_id as responsible_object_id
    from segments
    left join user_tags
        on
            segments.user_id = user_tags.user_id
            and user_tags.valid_from_ms < segments.ended_ms
            and user_tags.valid_to_ms > segments.started_ms
    where
        segments.queue_id is null
        and segments.purpose in ('agent', 'user')

),

ivr_pieces as (

    select
        segments.conversation_id,
        segments.session_id,
        segments.segment_index,
        segments.started_ms,
        segments.ended_ms,
        2 as responsibility_level,
        coalesce(conversation_tags.cost_center_code, 'ORPHAN') as cost_center_code,
        case
            when conversation_tags.cost_center_code is not null then 'ivr_tag' else 'orphan_ivr'
        end as attribution_rule,
        'conversation' as responsible_object_type,
        segments.conversation_id as responsible_object_id
    from segments
    left join conversation_tags
        on segments.conversation_id = conversation_tags.conversation_id
    where
        segments.queue_id is null
        and (segments.purpose in ('ivr', 'botflow') or segments.segment_type = 'ivr')

),

pieces as (

    select * from queue_pieces
    union all
    select * from agent_pieces
    union all
    select * from ivr_pieces

),

final as (

    select
        cast('2026-10-01' as date) as billing_month,
        conversation_id,
        session_id,
        segment_index,
        started_ms,
        ended_ms,
        responsibility_level,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id
    from pieces
    where ended_ms > started_ms

)

select * from final
    );
    
  