
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "record_kind","record_key","conversation_id","reason","action_taken", 'actual' as "actual_or_expected"
  from (
    
-- Every raw record the attribution excluded, imputed or could not resolve, with the reason and
-- the action taken, so nothing is silently dropped:
-- - segments that end before they start, or are still open on a conversation in progress (excluded);
-- - segments without an end on a finished conversation (end imputed from the conversation end);
-- - segments routed through a queue id the directory does not know (time attributed to ORPHAN);
-- - voice usage rows of the month whose SIP call id matches no call leg (not a cost weight);
-- - call legs without a voice usage row and without a matching telecom rate (costed at zero).

with

 __dbt__cte__int_conversation_segments_validated as (

-- Fixture for int_conversation_segments_validated
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('a' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", 
    
    cast(1 as BIGINT)
 as "segment_index", cast(null as BIGINT) as "participant_index", cast(null as character varying(256)) as "purpose", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", 
    
    cast(null as character varying(256))
 as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", cast(null as BIGINT) as "started_ms", cast(null as BIGINT) as "ended_ms", 
    
    cast(True as BOOLEAN)
 as "is_end_imputed", 
    
    cast(null as character varying(256))
 as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('a' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('s2' as character varying)
 as "session_id", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BIGINT) as "participant_index", cast(null as character varying(256)) as "purpose", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", 
    
    cast(null as character varying(256))
 as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", cast(null as BIGINT) as "started_ms", cast(null as BIGINT) as "ended_ms", 
    
    cast(False as BOOLEAN)
 as "is_end_imputed", 
    
    cast('segment ends before it starts' as character varying)
 as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('a' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('s3' as character varying)
 as "session_id", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BIGINT) as "participant_index", cast(null as character varying(256)) as "purpose", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", 
    
    cast('q_gone' as character varying)
 as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", cast(null as BIGINT) as "started_ms", cast(null as BIGINT) as "ended_ms", 
    
    cast(False as BOOLEAN)
 as "is_end_imputed", 
    
    cast(null as character varying(256))
 as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('a' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('s4' as character varying)
 as "session_id", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BIGINT) as "participant_index", cast(null as character varying(256)) as "purpose", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", 
    
    cast('q_known' as character varying)
 as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", cast(null as BIGINT) as "started_ms", cast(null as BIGINT) as "ended_ms", 
    
    cast(False as BOOLEAN)
 as "is_end_imputed", 
    
    cast(null as character varying(256))
 as "exclusion_reason"
),  __dbt__cte__int_queues_tagged_to_cost_centers as (

-- Fixture for int_queues_tagged_to_cost_centers
select 
    
    cast('q_known' as character varying)
 as "queue_id", cast(null as TIMESTAMP) as "valid_from", cast(null as TIMESTAMP) as "valid_to", cast(null as character varying(256)) as "queue_name", cast(null as character varying(256)) as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "queue_prefix", cast(null as BOOLEAN) as "is_ambiguous"
),  __dbt__cte__int_trunk_legs_costed as (

-- Fixture for int_trunk_legs_costed
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('s0' as character varying)
 as "session_id", 
    
    cast('sip-a' as character varying)
 as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", 
    
    cast('voice_usage_file' as character varying)
 as "cost_source", cast(null as BIGINT) as "leg_cost_nanos", cast(null as BIGINT) as "leg_started_ms", cast(null as BIGINT) as "leg_ended_ms", cast(null as BIGINT) as "total_leg_started_ms", cast(null as BIGINT) as "total_leg_ms", cast(null as BIGINT) as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", 
    
    cast(False as BOOLEAN)
 as "is_missing_rate"
union all
select 
    
    cast('x' as character varying)
 as "conversation_id", 
    
    cast('sx' as character varying)
 as "session_id", 
    
    cast('sip-x' as character varying)
 as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('outbound' as character varying)
 as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", 
    
    cast('international' as character varying)
 as "number_type", 
    
    cast('81' as character varying)
 as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", 
    
    cast('rate_card' as character varying)
 as "cost_source", cast(null as BIGINT) as "leg_cost_nanos", cast(null as BIGINT) as "leg_started_ms", cast(null as BIGINT) as "leg_ended_ms", cast(null as BIGINT) as "total_leg_started_ms", cast(null as BIGINT) as "total_leg_ms", cast(null as BIGINT) as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", 
    
    cast(True as BOOLEAN)
 as "is_missing_rate"
),  __dbt__cte__stg_genesys__voice_usage as (

-- Fixture for stg_genesys__voice_usage
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('sip-a' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('lost' as character varying)
 as "conversation_id", 
    
    cast('sip-lost' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('sept' as character varying)
 as "conversation_id", 
    
    cast('sip-sept' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-09-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"
), segments as (

    select
        conversation_id,
        session_id,
        segment_index,
        queue_id,
        is_end_imputed,
        exclusion_reason
    from __dbt__cte__int_conversation_segments_validated
    where billing_month = cast('2026-10-01' as date)

),

known_queues as (

    select distinct queue_id
    from __dbt__cte__int_queues_tagged_to_cost_centers

),

excluded_segments as (

    select
        'segment' as record_kind,
        conversation_id || '/' || session_id || '/' || 
    
    cast(segment_index as TEXT)

            as record_key,
        conversation_id,
        exclusion_reason as reason,
        'excluded from attribution' as action_taken
    from segments
    where exclusion_reason is not null

),

imputed_segments as (

    select
        'segment' as record_kind,
        conversation_id || '/' || session_id || '/' || 
    
    cast(segment_index as TEXT)

            as record_key,
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
        segments.conversation_id || '/' || segments.session_id || '/' || 
    
    cast(segments.segment_index as TEXT)

            as record_key,
        segments.conversation_id,
        'unknown queue id ' || segments.queue_id as reason,
        'time attributed to ORPHAN (attribution_rule unknown_queue)' as action_taken
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
    from __dbt__cte__int_trunk_legs_costed
    where billing_month = cast('2026-10-01' as date)

),

unmatched_voice_usage as (

    select
        'voice_usage' as record_kind,
        voice_usage.sip_call_id as record_key,
        voice_usage.conversation_id,
        'no call leg with this SIP call id' as reason,
        'not used as a telecom cost weight' as action_taken
    from __dbt__cte__stg_genesys__voice_usage as voice_usage
    left join legs
        on
            trim(voice_usage.sip_call_id) = legs.protocol_call_id
            and legs.cost_source = 'voice_usage_file'
    where
        epoch_ms(voice_usage.call_started_at) >= 1790812800000
        and epoch_ms(voice_usage.call_started_at) < 1793491200000
        and legs.protocol_call_id is null

),

unrated_legs as (

    select
        'trunk_leg' as record_kind,
        conversation_id || '/' || session_id as record_key,
        conversation_id,
        'no voice usage row and no telecom rate for ' || coalesce(number_type, 'unknown') || ' ' || coalesce(direction, 'unknown') || ' country code ' || coalesce(country_code, 'unknown') as reason,
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
        cast('2026-10-01' as date) as billing_month,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from unioned

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "record_kind", "record_key", "conversation_id", "reason", "action_taken", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('segment' as character varying)
 as "record_kind", 
    
    cast('a/s2/0' as character varying)
 as "record_key", 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('segment ends before it starts' as character varying)
 as "reason", 
    
    cast('excluded from attribution' as character varying)
 as "action_taken"
union all
select 
    
    cast('segment' as character varying)
 as "record_kind", 
    
    cast('a/s1/1' as character varying)
 as "record_key", 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('segment end missing on a finished conversation' as character varying)
 as "reason", 
    
    cast('segment end imputed from the conversation end' as character varying)
 as "action_taken"
union all
select 
    
    cast('segment' as character varying)
 as "record_kind", 
    
    cast('a/s3/0' as character varying)
 as "record_key", 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('unknown queue id q_gone' as character varying)
 as "reason", 
    
    cast('time attributed to ORPHAN (attribution_rule unknown_queue)' as character varying)
 as "action_taken"
union all
select 
    
    cast('voice_usage' as character varying)
 as "record_kind", 
    
    cast('sip-lost' as character varying)
 as "record_key", 
    
    cast('lost' as character varying)
 as "conversation_id", 
    
    cast('no call leg with this SIP call id' as character varying)
 as "reason", 
    
    cast('not used as a telecom cost weight' as character varying)
 as "action_taken"
union all
select 
    
    cast('trunk_leg' as character varying)
 as "record_kind", 
    
    cast('x/sx' as character varying)
 as "record_key", 
    
    cast('x' as character varying)
 as "conversation_id", 
    
    cast('no voice usage row and no telecom rate for international outbound country code 81' as character varying)
 as "reason", 
    
    cast('costed at zero' as character varying)
 as "action_taken"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected