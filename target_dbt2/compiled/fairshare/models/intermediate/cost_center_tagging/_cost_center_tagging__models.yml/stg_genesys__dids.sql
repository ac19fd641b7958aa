
-- Fixture for stg_genesys__dids
select 
    
    cast('d1' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('g1' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+12125550150' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Sales Team' as character varying)
 as "owner_name", 
    
    cast('GROUP' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('mover' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175552000' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Mo' as character varying)
 as "owner_name", 
    
    cast('USER' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d3' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('i1' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+18885550142' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('sales ivr' as character varying)
 as "owner_name", 
    
    cast('IVR_CONFIG' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d4' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('g2' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175550110' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Support Team' as character varying)
 as "owner_name", 
    
    cast('GROUP' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d5' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('i2' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+18005550100' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Main IVR' as character varying)
 as "owner_name", 
    
    cast('IVR_CONFIG' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('d6' as character varying)
 as "did_id", cast(null as character varying(256)) as "did_pool_id", 
    
    cast('u9' as character varying)
 as "owner_id", cast(null as character varying(256)) as "did_name", 
    
    cast('+16175552001' as character varying)
 as "phone_number", cast(null as character varying(256)) as "did_state", cast(null as character varying(256)) as "did_pool_name", 
    
    cast('Ida' as character varying)
 as "owner_name", 
    
    cast('USER' as character varying)
 as "owner_type", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"