
-- Fixture for int_dids_tagged_to_cost_centers
select 
    
    cast('d1' as character varying)
 as "did_id", 
    
    cast('+18775550199' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
union all
select 
    
    cast('d2' as character varying)
 as "did_id", 
    
    cast('+18005550100' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
union all
select 
    
    cast('d3' as character varying)
 as "did_id", 
    
    cast('+18885550142' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule"