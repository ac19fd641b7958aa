
-- Fixture for stg_genesys__oauth_clients
select 
    
    cast('c1' as character varying)
 as "oauth_client_id", 
    
    cast('Salesforce CTI (Sales)' as character varying)
 as "oauth_client_name", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "oauth_client_id", 
    
    cast('Renamed Client' as character varying)
 as "oauth_client_name", cast(null as TIMESTAMP) as "loaded_at"