
-- Fixture for stg_genesys__conversation_sessions
select 
    
    cast('v' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('sv' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", 
    
    cast('sip-v' as character varying)
 as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18885550142' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", 
    
    cast('1' as character varying)
 as "dnis_country_code", 
    
    cast('toll_free' as character varying)
 as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", cast(null as BIGINT) as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('r' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('sr' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", 
    
    cast('sip-r' as character varying)
 as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+18005550100' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", 
    
    cast('1' as character varying)
 as "dnis_country_code", 
    
    cast('toll_free' as character varying)
 as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", cast(null as BIGINT) as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('b' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('sb' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", 
    
    cast('sip-b' as character varying)
 as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('inbound' as character varying)
 as "direction", cast(null as character varying(256)) as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast('+16175550111' as character varying)
 as "dnis", cast(null as character varying(256)) as "dnis_hash", 
    
    cast('1' as character varying)
 as "dnis_country_code", 
    
    cast('local' as character varying)
 as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", cast(null as BIGINT) as "session_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('x' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "participant_id", 
    
    cast('sx' as character varying)
 as "session_id", cast(null as character varying(256)) as "edge_id", cast(null as character varying(256)) as "peer_id", 
    
    cast('sip-x' as character varying)
 as "protocol_call_id", cast(null as character varying(256)) as "flow_id", cast(null as character varying(256)) as "media_type", 
    
    cast('outbound' as character varying)
 as "direction", 
    
    cast('+12125550151' as character varying)
 as "ani", cast(null as character varying(256)) as "ani_hash", cast(null as character varying(256)) as "ani_country_code", cast(null as character varying(256)) as "ani_number_type", 
    
    cast(null as character varying(256))
 as "dnis", cast(null as character varying(256)) as "dnis_hash", 
    
    cast('81' as character varying)
 as "dnis_country_code", 
    
    cast('international' as character varying)
 as "dnis_number_type", cast(null as character varying(256)) as "provider", cast(null as character varying(256)) as "flow_name", cast(null as character varying(256)) as "flow_type", cast(null as character varying(256)) as "transfer_type", cast(null as character varying(256)) as "transfer_target_name", cast(null as BIGINT) as "session_index", cast(null as TIMESTAMP) as "loaded_at"