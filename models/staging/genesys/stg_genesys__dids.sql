with

source as (

    select * from {{ source('genesys', 'dids') }}

),

renamed as (

    select
        cast(did_id as {{ dbt.type_string() }}) as did_id,
        cast(did_pool_id as {{ dbt.type_string() }}) as did_pool_id,
        cast(owner_id as {{ dbt.type_string() }}) as owner_id,
        cast(name as {{ dbt.type_string() }}) as did_name,
        cast(phone_number as {{ dbt.type_string() }}) as phone_number,
        cast(state as {{ dbt.type_string() }}) as did_state,
        cast(did_pool_name as {{ dbt.type_string() }}) as did_pool_name,
        cast(owner_name as {{ dbt.type_string() }}) as owner_name,
        cast(owner_type as {{ dbt.type_string() }}) as owner_type,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed
