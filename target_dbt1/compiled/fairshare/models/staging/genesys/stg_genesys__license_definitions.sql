with

source as (

    select * from "dbt1"."genesys_raw"."license_definitions"

),

renamed as (

    select
        cast(license_id as TEXT) as license_id,
        cast(description as TEXT) as license_description,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed