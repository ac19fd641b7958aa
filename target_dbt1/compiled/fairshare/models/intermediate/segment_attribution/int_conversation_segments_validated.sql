
-- Every segment of the conversations overlapping the billing month, with its participant and
-- session context and its times as integer epoch milliseconds, checked before attribution:
-- - a segment without an end on a finished conversation is closed at the conversation end
--   (is_end_imputed, recorded in the quarantine);
-- - a segment that ends before it starts, or is still open on a conversation in progress, is kept
--   here with an exclusion_reason and ignored downstream (recorded in the quarantine, never
--   silently dropped).
-- Partition: billing_month (a conversation crossing a month boundary is in both months).

with

conversations as (

    select
        conversation_id,
        conversation_started_at,
        conversation_ended_at,
        is_in_progress or conversation_ended_at is null as is_in_progress
    from "dbt1"."staging"."stg_genesys__conversations"
    where
        epoch_ms(conversation_started_at) < 1793491200000
        and (
            conversation_ended_at is null
            or epoch_ms(conversation_ended_at) > 1790812800000
        )

),

segments as (

    select * from "dbt1"."staging"."stg_genesys__conversation_segments"

),

participants as (

    select
        conversation_id,
        participant_id,
        participant_index,
        lower(purpose) as purpose,
        user_id
    from "dbt1"."staging"."stg_genesys__conversation_participants"

),

sessions as (

    select
        conversation_id,
        session_id,
        lower(media_type) as media_type,
        lower(direction) as session_direction,
        lower(flow_type) as flow_type
    from "dbt1"."staging"."stg_genesys__conversation_sessions"

),

joined as (

    select
        segments.conversation_id,
        segments.participant_id,
        segments.session_id,
        segments.segment_index,
        participants.participant_index,
        participants.purpose,
        participants.user_id,
        sessions.media_type,
        sessions.session_direction,
        sessions.flow_type,
        lower(segments.segment_type) as segment_type,
        segments.queue_id,
        segments.disconnect_type,
        segments.segment_started_at,
        segments.segment_ended_at as raw_segment_ended_at,
        coalesce(
            segments.segment_ended_at,
            case when not conversations.is_in_progress then conversations.conversation_ended_at end
        ) as segment_ended_at,
        segments.segment_ended_at is null and not conversations.is_in_progress as is_end_imputed,
        conversations.is_in_progress
    from segments
    inner join conversations
        on segments.conversation_id = conversations.conversation_id
    left join participants
        on
            segments.conversation_id = participants.conversation_id
            and segments.participant_id = participants.participant_id
    left join sessions
        on
            segments.conversation_id = sessions.conversation_id
            and segments.session_id = sessions.session_id

),

timed as (

    select
        *,
        epoch_ms(segment_started_at) as started_ms,
        epoch_ms(segment_ended_at) as ended_ms
    from joined

),

final as (

    select
        cast('2026-10-01' as date) as billing_month,
        conversation_id,
        participant_id,
        session_id,
        segment_index,
        participant_index,
        purpose,
        user_id,
        media_type,
        session_direction,
        flow_type,
        segment_type,
        queue_id,
        disconnect_type,
        segment_started_at,
        segment_ended_at,
        started_ms,
        ended_ms,
        is_end_imputed,
        case
            when segment_ended_at is null and is_in_progress
                then 'segment still open: the conversation is in progress'
            when ended_ms < started_ms and is_end_imputed
                then 'segment end missing and the conversation ends before the segment starts'
            when ended_ms < started_ms then 'segment ends before it starts'
        end as exclusion_reason
    from timed

)

select * from final