with

source as (

    select * from {{ source('genesys', 'user_custom_attributes') }}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(schema_id as {{ dbt.type_string() }}) as schema_id,
        cast(cost_center_id as {{ dbt.type_string() }}) as cost_center_id,
        cast(schema_name as {{ dbt.type_string() }}) as schema_name,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed
