
-- Fixture for int_segments_tagged_to_cost_centers
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('b' as character varying)
 as "conversation_id", cast(null as character varying(256)) as "session_id", cast(null as BIGINT) as "segment_index", 
    
    cast(1790812770000 as BIGINT)
 as "started_ms", 
    
    cast(1790812830000 as BIGINT)
 as "ended_ms", 
    
    cast(1 as INTEGER)
 as "responsibility_level", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast('queue' as character varying)
 as "responsible_object_type", 
    
    cast('q_sales' as character varying)
 as "responsible_object_id"