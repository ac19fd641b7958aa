
-- Fixture for oauth_client_cost_centers
select 
    
    cast(null as character varying(256))
 as "oauth_client_id", 
    
    cast('salesforce cti (sales)' as character varying)
 as "oauth_client_name", 
    
    cast('SALES' as character varying)
 as "cost_center_code"
union all
select 
    
    cast('c2' as character varying)
 as "oauth_client_id", 
    
    cast(null as character varying(256))
 as "oauth_client_name", 
    
    cast('HR' as character varying)
 as "cost_center_code"