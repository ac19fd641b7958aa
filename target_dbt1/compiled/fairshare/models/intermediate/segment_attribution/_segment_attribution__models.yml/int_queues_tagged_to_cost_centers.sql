
-- Fixture for int_queues_tagged_to_cost_centers
select 
    
    cast('q_esc' as character varying)
 as "queue_id", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "queue_name", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "queue_prefix", cast(null as BOOLEAN) as "is_ambiguous"
union all
select 
    
    cast('q_esc' as character varying)
 as "queue_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-12 13:17:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "queue_name", 
    
    cast(null as character varying(256))
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "queue_prefix", cast(null as BOOLEAN) as "is_ambiguous"