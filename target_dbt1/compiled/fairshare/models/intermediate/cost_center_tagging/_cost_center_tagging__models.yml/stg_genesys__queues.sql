
-- Fixture for stg_genesys__queues
select 
    
    cast('q4' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('Support Escalations' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q2' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('sup_Tier2' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q3' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('Main Overflow' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q1' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('SALES_Inbound_Tier1' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('q4' as character varying)
 as "queue_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "queue_flow_id", 
    
    cast('SUPPORT_Escalations' as character varying)
 as "queue_name", cast(null as character varying(256)) as "description", cast(null as character varying(256)) as "queue_flow_name", cast(null as character varying(256)) as "calling_party_number", cast(null as BIGINT) as "member_count", cast(null as TIMESTAMP) as "queue_created_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"