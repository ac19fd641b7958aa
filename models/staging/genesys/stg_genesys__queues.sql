with

source as (

    select * from {{ source('genesys', 'queues') }}

),

renamed as (

    select
        cast(queue_id as {{ dbt.type_string() }}) as queue_id,
        cast(division_id as {{ dbt.type_string() }}) as division_id,
        cast(queue_flow_id as {{ dbt.type_string() }}) as queue_flow_id,
        cast(name as {{ dbt.type_string() }}) as queue_name,
        cast(description as {{ dbt.type_string() }}) as description,
        cast(queue_flow_name as {{ dbt.type_string() }}) as queue_flow_name,
        cast(calling_party_number as {{ dbt.type_string() }}) as calling_party_number,
        cast(member_count as {{ dbt.type_bigint() }}) as member_count,
        {{ fairshare.utc_timestamp('date_created') }} as queue_created_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed
