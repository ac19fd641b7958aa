
-- Fixture for stg_genesys__user_custom_attributes
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('s1' as character varying)
 as "schema_id", 
    
    cast('SALES' as character varying)
 as "cost_center_id", cast(null as character varying(256)) as "schema_name", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('s1' as character varying)
 as "schema_id", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_id", cast(null as character varying(256)) as "schema_name", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"