
-- Fixture for stg_genesys__conversation_participants
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('customer' as character varying)
 as "purpose", 
    
    cast(0 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p2' as character varying)
 as "participant_id", cast(null as character varying(256)) as "user_id", cast(null as character varying(256)) as "participant_name", cast(null as character varying(256)) as "participant_name_hash", 
    
    cast('ivr' as character varying)
 as "purpose", 
    
    cast(1 as BIGINT)
 as "participant_index", cast(null as TIMESTAMP) as "loaded_at"