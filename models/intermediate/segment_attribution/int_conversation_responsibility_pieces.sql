{{ config(materialized='view') }}
-- Stage 1 of the conversation timeline (int_conversation_slices_attributed_to_cost_centers):
-- every segment of the month's conversations that makes a cost center responsible while it
-- lasts, cut where that cost center's tag changes (a queue rename, an agent's mid-month move):
-- - level 1 (handling): a segment routed through a queue (queue wait, alert, interact, hold)
--   -> the queue's cost center at that instant (rule_rank 1, queue; 'ORPHAN' for an untagged
--   queue; a queue id missing from the directory gives 'ORPHAN' with rule_rank 3, unknown_queue);
--   an agent/user segment without a queue (or a user's own voicemail) -> the agent's cost center
--   at that instant (rule_rank 2, agent);
-- - level 2 (IVR): an IVR or bot segment -> the conversation's tag (rule_rank 4, ivr_tag:
--   participant data has no timestamp in Genesys, so a tagged conversation counts all its IVR time
--   to the tag), else 'ORPHAN' (rule_rank 5, orphan_ivr).
-- Wrap-up is never trunk time and is not a piece; customer/external segments make the legs.
-- A view: its rows are read once, by the next stages, inside the final model's query.

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

final as (

    select * from all_pieces
    where ended_ms > started_ms

)

select * from final
