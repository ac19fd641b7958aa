
-- Fixture for stg_genesys__conversation_segments
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "source_session_id", cast(null as character varying(256)) as "destination_session_id", 
    
    cast('interact' as character varying)
 as "segment_type", cast(null as character varying(256)) as "disconnect_type", cast(null as character varying(256)) as "wrap_up_code", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BOOLEAN) as "is_conference", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "segment_started_at", 
    
    cast('2026-10-14 09:10:00' as TIMESTAMP)
 as "segment_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "source_session_id", cast(null as character varying(256)) as "destination_session_id", 
    
    cast('Hold' as character varying)
 as "segment_type", cast(null as character varying(256)) as "disconnect_type", cast(null as character varying(256)) as "wrap_up_code", 
    
    cast(1 as BIGINT)
 as "segment_index", cast(null as BOOLEAN) as "is_conference", 
    
    cast('2026-10-14 09:10:00' as TIMESTAMP)
 as "segment_started_at", 
    
    cast(null as TIMESTAMP)
 as "segment_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('p2' as character varying)
 as "participant_id", 
    
    cast('s2' as character varying)
 as "session_id", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "source_session_id", cast(null as character varying(256)) as "destination_session_id", 
    
    cast('interact' as character varying)
 as "segment_type", cast(null as character varying(256)) as "disconnect_type", cast(null as character varying(256)) as "wrap_up_code", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BOOLEAN) as "is_conference", 
    
    cast('2026-10-14 09:30:00' as TIMESTAMP)
 as "segment_started_at", 
    
    cast('2026-10-14 09:20:00' as TIMESTAMP)
 as "segment_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('b' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "source_session_id", cast(null as character varying(256)) as "destination_session_id", 
    
    cast('interact' as character varying)
 as "segment_type", cast(null as character varying(256)) as "disconnect_type", cast(null as character varying(256)) as "wrap_up_code", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BOOLEAN) as "is_conference", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "segment_started_at", 
    
    cast(null as TIMESTAMP)
 as "segment_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "queue_id", cast(null as character varying(256)) as "source_session_id", cast(null as character varying(256)) as "destination_session_id", 
    
    cast('interact' as character varying)
 as "segment_type", cast(null as character varying(256)) as "disconnect_type", cast(null as character varying(256)) as "wrap_up_code", 
    
    cast(0 as BIGINT)
 as "segment_index", cast(null as BOOLEAN) as "is_conference", 
    
    cast('2026-09-14 09:00:00' as TIMESTAMP)
 as "segment_started_at", 
    
    cast('2026-09-14 09:10:00' as TIMESTAMP)
 as "segment_ended_at", cast(null as TIMESTAMP) as "loaded_at"