{#- OAuth clients of seeds/oauth_client_cost_centers.csv: id and name key (null when empty), the code cleaned. -#}
with

source as (
    select * from {{ ref('oauth_client_cost_centers') }}
),

cleaned as (
    select
        nullif(trim(oauth_client_id), '') as oauth_client_id,
        oauth_client_name,
        nullif({{ fairshare.normalize_tag('oauth_client_name') }}, '') as name_key,
        upper(trim(cost_center_code)) as cost_center_code
    from source
)

select * from cleaned
