-- Cost-center tag of every OAuth client seen in the directory or in API usage: the
-- oauth_client_cost_centers seed (matched on the client id, else on the client name,
-- case-insensitive) -> untagged.

with

directory_clients as (

    select
        oauth_client_id,
        oauth_client_name
    from {{ ref('stg_genesys__oauth_clients') }}

),

usage_clients as (

    select
        oauth_client_id,
        max(oauth_client_name) as oauth_client_name
    from {{ ref('stg_genesys__api_usage') }}
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
        oauth_client_id,
        name_key,
        cost_center_code
    from {{ ref('stg_config__oauth_client_cost_centers') }}

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
        on {{ fairshare.normalize_tag('clients.oauth_client_name') }} = by_name.name_key

)

select * from final
