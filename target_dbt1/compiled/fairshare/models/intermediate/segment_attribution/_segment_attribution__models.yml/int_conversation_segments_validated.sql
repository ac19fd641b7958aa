
-- Fixture for int_conversation_segments_validated
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968403000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('botflow' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", 
    
    cast('bot' as character varying)
 as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968401001 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('voice' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968430000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('chat' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1791968400000 as BIGINT)
 as "started_ms", 
    
    cast(1791968430000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('c5' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", cast(null as BIGINT) as "participant_index", 
    
    cast('customer' as character varying)
 as "purpose", cast(null as character varying(256)) as "user_id", 
    
    cast('email' as character varying)
 as "media_type", cast(null as character varying(256)) as "session_direction", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "segment_type", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "disconnect_type", cast(null as TIMESTAMP) as "segment_started_at", cast(null as TIMESTAMP) as "segment_ended_at", 
    
    cast(1793487600000 as BIGINT)
 as "started_ms", 
    
    cast(1793487600000 as BIGINT)
 as "ended_ms", cast(null as BOOLEAN) as "is_end_imputed", cast(null as character varying(256)) as "exclusion_reason"