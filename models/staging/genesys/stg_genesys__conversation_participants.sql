with

source as (

    select * from {{ source('genesys', 'conversation_participants') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(participant_id as {{ dbt.type_string() }}) as participant_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(participant_name as {{ dbt.type_string() }}) as participant_name,
        cast(participant_name_hash as {{ dbt.type_string() }}) as participant_name_hash,
        cast(purpose as {{ dbt.type_string() }}) as purpose,
        cast(participant_index as {{ dbt.type_bigint() }}) as participant_index,
        {{ fairshare.utc_timestamp('conversation_start') }} as conversation_started_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
