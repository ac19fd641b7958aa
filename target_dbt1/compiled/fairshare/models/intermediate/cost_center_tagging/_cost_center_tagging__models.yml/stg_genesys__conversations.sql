
-- Fixture for stg_genesys__conversations
select 
    
    cast('c1' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c3' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c4' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-10-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c6' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "originating_direction", cast(null as character varying(256)) as "division_ids", cast(null as character varying(256)) as "external_tag", cast(null as BOOLEAN) as "is_in_progress", 
    
    cast('2026-09-14 09:00:00' as TIMESTAMP)
 as "conversation_started_at", 
    
    cast('2026-09-14 10:00:00' as TIMESTAMP)
 as "conversation_ended_at", cast(null as TIMESTAMP) as "loaded_at"