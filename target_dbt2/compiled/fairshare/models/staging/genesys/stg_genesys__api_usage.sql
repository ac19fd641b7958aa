with

source as (

    select * from "dbt2"."genesys_raw"."api_usage"

),

renamed as (

    select
        cast(oauth_client_id as TEXT) as oauth_client_id,
        cast(oauth_client_name as TEXT) as oauth_client_name,
        cast(request_count as bigint) as request_count,
        cast(status_200 as bigint) as status_200,
        cast(status_429 as bigint) as status_429,
        cast(usage_date as date) as usage_date,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed