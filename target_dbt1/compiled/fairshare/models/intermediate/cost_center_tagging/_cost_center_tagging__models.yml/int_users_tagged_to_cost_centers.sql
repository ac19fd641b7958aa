
-- Fixture for int_users_tagged_to_cost_centers
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"
union all
select 
    
    cast('mover' as character varying)
 as "user_id", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"
union all
select 
    
    cast('u9' as character varying)
 as "user_id", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", 
    
    cast('FINANCE' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "department", cast(null as character varying(256)) as "raw_cost_center_id", cast(null as character varying(256)) as "user_name", cast(null as BOOLEAN) as "is_ambiguous"