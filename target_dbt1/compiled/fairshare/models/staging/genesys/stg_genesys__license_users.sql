with

source as (

    select * from "dbt1"."genesys_raw"."license_users"

),

renamed as (

    select
        cast(user_id as TEXT) as user_id,
        cast(license_id as TEXT) as license_id,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at,
        cast(timezone('UTC', _dlt_valid_from) as timestamp) as valid_from,
        cast(timezone('UTC', _dlt_valid_to) as timestamp) as valid_to

    from source

)

select * from renamed