
-- Fixture for int_conversation_slices_attributed_to_cost_centers
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('t' as character varying)
 as "conversation_id", 
    
    cast(1791968400000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968460000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(1 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(60000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('t' as character varying)
 as "conversation_id", 
    
    cast(1791968460000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791972000000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(1 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(3540000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"