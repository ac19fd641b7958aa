with

source as (

    select * from "dbt2"."genesys_raw"."user_custom_attributes"

),

renamed as (

    select
        cast(user_id as TEXT) as user_id,
        cast(schema_id as TEXT) as schema_id,
        cast(cost_center_id as TEXT) as cost_center_id,
        cast(schema_name as TEXT) as schema_name,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at,
        cast(timezone('UTC', _dlt_valid_from) as timestamp) as valid_from,
        cast(timezone('UTC', _dlt_valid_to) as timestamp) as valid_to

    from source

)

select * from renamed