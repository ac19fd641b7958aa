{#- API requests of var('billing_month') per OAuth client, with the client's cost center (null = untagged). -#}
with

api_usage as (
    select * from {{ ref('stg_genesys__api_usage') }}
    where
        usage_date >= {{ fairshare.billing_month() }}
        and usage_date < {{ fairshare.billing_month_next() }}
),

oauth_clients as (
    select * from {{ ref('int_oauth_clients_tagged_to_cost_centers') }}
),

requests_by_client as (
    select
        oauth_client_id,
        max(oauth_client_name) as oauth_client_name,
        sum(coalesce(request_count, 0)) as request_count
    from api_usage
    group by 1
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        requests_by_client.oauth_client_id,
        coalesce(oauth_clients.oauth_client_name, requests_by_client.oauth_client_name) as oauth_client_name,
        oauth_clients.cost_center_code,
        coalesce(oauth_clients.tag_rule, 'untagged') as tag_rule,
        cast(requests_by_client.request_count as {{ dbt.type_bigint() }}) as request_count
    from requests_by_client
    left join oauth_clients
        on requests_by_client.oauth_client_id = oauth_clients.oauth_client_id
)

select * from final
