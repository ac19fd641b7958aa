with

source as (

    select * from {{ source('genesys', 'user_presence') }}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(organization_presence_id as {{ dbt.type_string() }}) as organization_presence_id,
        cast(system_presence as {{ dbt.type_string() }}) as system_presence,
        {{ fairshare.utc_timestamp('start_time') }} as started_at,
        {{ fairshare.utc_timestamp('end_time') }} as ended_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
