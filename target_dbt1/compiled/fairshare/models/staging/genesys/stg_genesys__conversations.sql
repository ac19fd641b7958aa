with

source as (

    select * from "dbt1"."genesys_raw"."conversations"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(originating_direction as TEXT) as originating_direction,
        cast(division_ids as TEXT) as division_ids,
        cast(external_tag as TEXT) as external_tag,
        cast(is_in_progress as boolean) as is_in_progress,
        cast(timezone('UTC', conversation_start) as timestamp) as conversation_started_at,
        cast(timezone('UTC', conversation_end) as timestamp) as conversation_ended_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed