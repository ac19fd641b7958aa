with

source as (

    select * from "dbt2"."genesys_raw"."dids"

),

renamed as (

    select
        cast(did_id as TEXT) as did_id,
        cast(did_pool_id as TEXT) as did_pool_id,
        cast(owner_id as TEXT) as owner_id,
        cast(name as TEXT) as did_name,
        cast(phone_number as TEXT) as phone_number,
        cast(state as TEXT) as did_state,
        cast(did_pool_name as TEXT) as did_pool_name,
        cast(owner_name as TEXT) as owner_name,
        cast(owner_type as TEXT) as owner_type,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at,
        cast(timezone('UTC', _dlt_valid_from) as timestamp) as valid_from,
        cast(timezone('UTC', _dlt_valid_to) as timestamp) as valid_to

    from source

)

select * from renamed