with

source as (

    select * from {{ source('genesys', 'divisions') }}

),

renamed as (

    select
        cast(division_id as {{ dbt.type_string() }}) as division_id,
        cast(name as {{ dbt.type_string() }}) as division_name,
        cast(description as {{ dbt.type_string() }}) as description,
        cast(is_home_division as {{ dbt.type_boolean() }}) as is_home_division,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
