with

source as (

    select * from {{ source('genesys', 'user_routing_status') }}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(routing_status as {{ dbt.type_string() }}) as routing_status,
        {{ fairshare.utc_timestamp('start_time') }} as started_at,
        {{ fairshare.utc_timestamp('end_time') }} as ended_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
