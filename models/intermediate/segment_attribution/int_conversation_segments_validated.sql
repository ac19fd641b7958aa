{{ config(**fairshare.monthly_partition()) }}
-- Every segment of the conversations overlapping the billing month, with its participant and
-- session context and its times as integer epoch milliseconds, checked before attribution:
-- - a segment without an end on a finished conversation is closed at the conversation end
--   (is_end_imputed, recorded in the quarantine);
-- - a segment that ends before it starts, or is still open on a conversation in progress, is kept
--   here with an exclusion_reason and ignored downstream (recorded in the quarantine, never
--   silently dropped).
-- Only the columns the attribution needs are kept (this is the widest table of the build).
-- Partition: billing_month (a conversation crossing a month boundary is in both months).
--
-- Cost: the child tables are read for the month's window of conversation starts only
-- (month_conversation_rows), and joined on their own unique ids (participant_id, session_id:
-- Genesys UUIDs, checked unique by the staging key tests) instead of two 36-character keys each,
-- so the hash tables hold one month of participants and sessions, keyed by one string.

with

conversations as (

    select
        conversation_id,
        conversation_key,
        is_in_progress,
        conversation_ended_ms,
        conversation_started_at
    from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

segment_rows as (

    {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_segments'), [
        'conversation_id', 'participant_id', 'session_id', 'segment_index', 'segment_type', 'queue_id',
        'disconnect_type', 'segment_started_at', 'segment_ended_at'], 'conversations') }}

),

segments as (

    select
        segment_rows.conversation_id,
        segment_rows.participant_id,
        segment_rows.session_id,
        segment_rows.segment_index,
        segment_rows.segment_type,
        segment_rows.queue_id,
        segment_rows.disconnect_type,
        {{ fairshare.epoch_ms('segment_rows.segment_started_at') }} as started_ms,
        {{ fairshare.epoch_ms('segment_rows.segment_ended_at') }} as raw_ended_ms,
        conversations.conversation_key,
        conversations.is_in_progress,
        conversations.conversation_ended_ms
    from segment_rows
    inner join conversations
        on segment_rows.conversation_id = conversations.conversation_id

),

participants as (

    select
        participant_id,
        lower(purpose) as purpose,
        user_id
    from (
        {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_participants'),
            ['participant_id', 'purpose', 'user_id'], 'conversations') }}
    ) as participant_rows

),

sessions as (

    select
        session_id,
        lower(media_type) as media_type,
        lower(flow_type) as flow_type,
        flow_name
    from (
        {{ fairshare.month_conversation_rows(ref('stg_genesys__conversation_sessions'),
            ['session_id', 'media_type', 'flow_type', 'flow_name'], 'conversations') }}
    ) as session_rows

),

joined as (

    select
        segments.conversation_key,
        segments.conversation_id,
        segments.session_id,
        segments.segment_index,
        participants.purpose,
        participants.user_id,
        sessions.media_type,
        sessions.flow_type,
        sessions.flow_name,
        lower(segments.segment_type) as segment_type,
        segments.queue_id,
        lower(segments.disconnect_type) as disconnect_type,
        segments.started_ms,
        coalesce(
            segments.raw_ended_ms,
            case when not segments.is_in_progress then segments.conversation_ended_ms end
        ) as ended_ms,
        segments.raw_ended_ms is null and not segments.is_in_progress as is_end_imputed,
        segments.is_in_progress
    from segments
    left join participants
        on segments.participant_id = participants.participant_id
    left join sessions
        on segments.session_id = sessions.session_id

),

final as (

    select
        {{ fairshare.billing_month() }} as billing_month,
        conversation_key,
        conversation_id,
        session_id,
        segment_index,
        purpose,
        user_id,
        media_type,
        flow_type,
        flow_name,
        segment_type,
        queue_id,
        disconnect_type,
        started_ms,
        ended_ms,
        is_end_imputed,
        case
            when ended_ms is null and is_in_progress
                then 'segment still open: the conversation is in progress'
            when ended_ms < started_ms and is_end_imputed
                then 'segment end missing and the conversation ends before the segment starts'
            when ended_ms < started_ms then 'segment ends before it starts'
        end as exclusion_reason
    from joined

)

select * from final
