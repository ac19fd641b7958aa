
-- Fixture for stg_genesys__conversation_sessions
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18775550199' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18775550199' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18005550100' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('outbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast(null as character varying(256))
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('s1' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", cast(null as character varying(256)) as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18885550142' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", cast(null as character varying(256)) as "dnis_country_code", cast(null as character varying(256)) as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", 
    
    cast(0 as BIGINT)
 as "session_index", cast(null as TIMESTAMP) as "loaded_at"