with

source as (

    select * from "dbt1"."genesys_raw"."voice_usage"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(sip_call_id as TEXT) as sip_call_id,
        cast(direction as TEXT) as direction,
        cast(number_type as TEXT) as number_type,
        cast(did as TEXT) as did,
        cast(origin_country as TEXT) as origin_country,
        cast(destination_country as TEXT) as destination_country,
        cast(currency as TEXT) as currency,
        cast(source_file as TEXT) as source_file,
        cast(billed_seconds as bigint) as billed_seconds,
        cast(rate_per_minute as decimal(12, 6)) as rate_per_minute,
        cast(cost as decimal(18, 6)) as cost,
        cast(timezone('UTC', call_start) as timestamp) as call_started_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed