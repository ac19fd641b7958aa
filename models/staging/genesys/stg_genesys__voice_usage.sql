with

source as (

    select * from {{ source('genesys', 'voice_usage') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(sip_call_id as {{ dbt.type_string() }}) as sip_call_id,
        cast(direction as {{ dbt.type_string() }}) as direction,
        cast(number_type as {{ dbt.type_string() }}) as number_type,
        cast(did as {{ dbt.type_string() }}) as did,
        cast(origin_country as {{ dbt.type_string() }}) as origin_country,
        cast(destination_country as {{ dbt.type_string() }}) as destination_country,
        cast(currency as {{ dbt.type_string() }}) as currency,
        cast(source_file as {{ dbt.type_string() }}) as source_file,
        cast(billed_seconds as {{ dbt.type_bigint() }}) as billed_seconds,
        cast(rate_per_minute as {{ fairshare.type_rate() }}) as rate_per_minute,
        cast(cost as {{ fairshare.type_money() }}) as cost,  -- noqa: RF04
        {{ fairshare.utc_timestamp('call_start') }} as call_started_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
