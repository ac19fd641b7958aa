with

source as (

    select * from "dbt1"."genesys_raw"."oauth_clients"

),

renamed as (

    select
        cast(oauth_client_id as TEXT) as oauth_client_id,
        cast(name as TEXT) as oauth_client_name,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed