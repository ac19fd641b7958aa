with

source as (

    select * from {{ source('genesys', 'license_definitions') }}

),

renamed as (

    select
        cast(license_id as {{ dbt.type_string() }}) as license_id,
        cast(description as {{ dbt.type_string() }}) as license_description,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
