{{ config(**fairshare.monthly_partition()) }}
-- Every raw record the attribution excluded, imputed or could not resolve, with the reason and
-- the action taken, so nothing is silently dropped:
-- - segments that end before they start, or are still open on a conversation in progress (excluded);
-- - segments without an end on a finished conversation (end imputed from the conversation end);
-- - segments routed through a queue id the directory does not know (time attributed to ORPHAN);
-- - voice usage rows of the month whose SIP call id matches no call leg (not a cost weight);
-- - call legs without a voice usage row and without a matching telecom rate (costed at zero).

with

segments as (

    select
        conversation_id,
        session_id,
        segment_index,
        queue_id,
        segment_type,
        is_end_imputed,
        exclusion_reason,
        {{ dbt.concat([
            'conversation_id', "'/'", 'session_id', "'/'", dbt.safe_cast('segment_index', dbt.type_string())
        ]) }} as segment_key
    from {{ ref('int_conversation_segments_validated') }}
    where billing_month = {{ fairshare.billing_month() }}

),

known_queues as (

    select distinct queue_id
    from {{ ref('int_queues_tagged_to_cost_centers') }}

),

excluded_segments as (

    select
        'segment' as record_kind,
        segment_key as record_key,
        conversation_id,
        exclusion_reason as reason,
        'excluded from attribution' as action_taken
    from segments
    where exclusion_reason is not null

),

imputed_segments as (

    select
        'segment' as record_kind,
        segment_key as record_key,
        conversation_id,
        'segment end missing on a finished conversation' as reason,
        'segment end imputed from the conversation end' as action_taken
    from segments
    where
        is_end_imputed
        and exclusion_reason is null

),

unknown_queue_segments as (

    select
        'segment' as record_kind,
        segments.segment_key as record_key,
        segments.conversation_id,
        {{ dbt.concat(["'unknown queue id '", 'segments.queue_id']) }} as reason,
        case
            when segments.segment_type = 'wrapup' then 'none: wrap-up time is not attributed'
            else 'time attributed to ORPHAN (attribution_rule unknown_queue)'
        end as action_taken
    from segments
    left join known_queues
        on segments.queue_id = known_queues.queue_id
    where
        segments.queue_id is not null
        and segments.exclusion_reason is null
        and known_queues.queue_id is null

),

legs as (

    select
        conversation_id,
        session_id,
        protocol_call_id,
        cost_source,
        is_missing_rate,
        number_type,
        direction,
        country_code
    from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}

),

unmatched_voice_usage as (

    select
        'voice_usage' as record_kind,
        voice_usage.sip_call_id as record_key,
        voice_usage.conversation_id,
        'no call leg with this SIP call id' as reason,
        'not used as a telecom cost weight' as action_taken
    from {{ ref('stg_genesys__voice_usage') }} as voice_usage
    left join legs
        on
            trim(voice_usage.sip_call_id) = legs.protocol_call_id
            and legs.cost_source = 'voice_usage_file'
    where
        {{ fairshare.epoch_ms('voice_usage.call_started_at') }} >= {{ fairshare.billing_month_start_ms() }}
        and {{ fairshare.epoch_ms('voice_usage.call_started_at') }} < {{ fairshare.billing_month_end_ms() }}
        and legs.protocol_call_id is null

),

unrated_legs as (

    select
        'trunk_leg' as record_kind,
        {{ dbt.concat(['conversation_id', "'/'", 'session_id']) }} as record_key,
        conversation_id,
        {{ dbt.concat([
            "'no voice usage row and no telecom rate for '",
            "coalesce(number_type, 'unknown')", "' '", "coalesce(direction, 'unknown')",
            "' country code '", "coalesce(country_code, 'unknown')"
        ]) }} as reason,
        'costed at zero' as action_taken
    from legs
    where is_missing_rate

),

unioned as (

    select * from excluded_segments
    union all
    select * from imputed_segments
    union all
    select * from unknown_queue_segments
    union all
    select * from unmatched_voice_usage
    union all
    select * from unrated_legs

),

final as (

    select
        {{ fairshare.billing_month() }} as billing_month,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from unioned

)

select * from final
