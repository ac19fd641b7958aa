
-- Fixture for int_dids_tagged_to_cost_centers
select 
    
    cast('d_sales_tf' as character varying)
 as "did_id", 
    
    cast('+18885550142' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", cast(null as character varying(256)) as "cost_center_code", cast(null as character varying(256)) as "tag_rule"
union all
select 
    
    cast('d_main' as character varying)
 as "did_id", 
    
    cast('+18005550100' as character varying)
 as "phone_number", 
    
    cast('1900-01-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('9999-12-31 00:00:00' as TIMESTAMP)
 as "valid_to", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "owner_type", cast(null as character varying(256)) as "owner_id", cast(null as character varying(256)) as "owner_name", cast(null as character varying(256)) as "cost_center_code", cast(null as character varying(256)) as "tag_rule"