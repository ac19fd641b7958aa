with

source as (

    select * from {{ source('genesys', 'conversation_participant_attributes') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(participant_id as {{ dbt.type_string() }}) as participant_id,
        cast(attribute_name as {{ dbt.type_string() }}) as attribute_name,
        cast(attribute_value as {{ dbt.type_string() }}) as attribute_value,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
