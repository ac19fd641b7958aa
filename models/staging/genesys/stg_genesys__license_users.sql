with

source as (

    select * from {{ source('genesys', 'license_users') }}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(license_id as {{ dbt.type_string() }}) as license_id,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed
