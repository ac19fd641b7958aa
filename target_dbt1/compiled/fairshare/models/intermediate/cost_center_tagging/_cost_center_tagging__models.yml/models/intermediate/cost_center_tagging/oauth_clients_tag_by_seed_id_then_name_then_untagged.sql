-- Cost-center tag of every OAuth client seen in the directory or in API usage: the
-- oauth_client_cost_centers seed (matched on the client id, else on the client name,
-- case-insensitive) -> untagged.

with

 __dbt__cte__stg_genesys__oauth_clients as (

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
),  __dbt__cte__stg_genesys__api_usage as (

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
),  __dbt__cte__oauth_client_cost_centers as (

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
), directory_clients as (

    select
        oauth_client_id,
        oauth_client_name
    from __dbt__cte__stg_genesys__oauth_clients

),

usage_clients as (

    select
        oauth_client_id,
        max(oauth_client_name) as oauth_client_name
    from __dbt__cte__stg_genesys__api_usage
    group by oauth_client_id

),

clients as (

    select
        coalesce(directory_clients.oauth_client_id, usage_clients.oauth_client_id) as oauth_client_id,
        coalesce(directory_clients.oauth_client_name, usage_clients.oauth_client_name) as oauth_client_name
    from directory_clients
    full outer join usage_clients
        on directory_clients.oauth_client_id = usage_clients.oauth_client_id

),

seed_rows as (

    select
        nullif(trim(oauth_client_id), '') as oauth_client_id,
        nullif(lower(trim(oauth_client_name)), '') as name_key,
        upper(trim(cost_center_code)) as cost_center_code
    from __dbt__cte__oauth_client_cost_centers

),

by_id as (

    select
        oauth_client_id,
        min(cost_center_code) as cost_center_code
    from seed_rows
    where oauth_client_id is not null
    group by oauth_client_id

),

by_name as (

    select
        name_key,
        min(cost_center_code) as cost_center_code
    from seed_rows
    where name_key is not null
    group by name_key

),

final as (

    select
        clients.oauth_client_id,
        clients.oauth_client_name,
        coalesce(by_id.cost_center_code, by_name.cost_center_code) as cost_center_code,
        case
            when coalesce(by_id.cost_center_code, by_name.cost_center_code) is not null then 'seed'
            else 'untagged'
        end as tag_rule
    from clients
    left join by_id
        on clients.oauth_client_id = by_id.oauth_client_id
    left join by_name
        on lower(trim(clients.oauth_client_name)) = by_name.name_key

)

select * from final