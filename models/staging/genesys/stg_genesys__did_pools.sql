with

source as (

    select * from {{ source('genesys', 'did_pools') }}

),

renamed as (

    select
        cast(did_pool_id as {{ dbt.type_string() }}) as did_pool_id,
        cast(name as {{ dbt.type_string() }}) as did_pool_name,
        cast(start_phone_number as {{ dbt.type_string() }}) as start_phone_number,
        cast(end_phone_number as {{ dbt.type_string() }}) as end_phone_number,
        cast(provider as {{ dbt.type_string() }}) as provider,  -- noqa: RF04
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
