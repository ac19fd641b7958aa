
-- Fixture for stg_genesys__api_usage
select 
    
    cast('c3' as character varying)
 as "oauth_client_id", 
    
    cast('Unknown Script' as character varying)
 as "oauth_client_name", cast(null as BIGINT) as "request_count", cast(null as BIGINT) as "status_200", cast(null as BIGINT) as "status_429", cast(null as DATE) as "usage_date", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c1' as character varying)
 as "oauth_client_id", 
    
    cast('Salesforce CTI (Sales)' as character varying)
 as "oauth_client_name", cast(null as BIGINT) as "request_count", cast(null as BIGINT) as "status_200", cast(null as BIGINT) as "status_429", cast(null as DATE) as "usage_date", cast(null as TIMESTAMP) as "loaded_at"