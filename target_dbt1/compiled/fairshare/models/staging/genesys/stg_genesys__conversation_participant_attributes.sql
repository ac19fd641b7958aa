with

source as (

    select * from "dbt1"."genesys_raw"."conversation_participant_attributes"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(participant_id as TEXT) as participant_id,
        cast(attribute_name as TEXT) as attribute_name,
        cast(attribute_value as TEXT) as attribute_value,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed