with

source as (

    select * from {{ source('genesys', 'conversation_segments') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(participant_id as {{ dbt.type_string() }}) as participant_id,
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast(queue_id as {{ dbt.type_string() }}) as queue_id,
        cast(source_session_id as {{ dbt.type_string() }}) as source_session_id,
        cast(destination_session_id as {{ dbt.type_string() }}) as destination_session_id,
        cast(segment_type as {{ dbt.type_string() }}) as segment_type,
        cast(disconnect_type as {{ dbt.type_string() }}) as disconnect_type,
        cast(wrap_up_code as {{ dbt.type_string() }}) as wrap_up_code,
        cast(segment_index as {{ dbt.type_bigint() }}) as segment_index,
        cast(is_conference as {{ dbt.type_boolean() }}) as is_conference,
        {{ fairshare.utc_timestamp('segment_start') }} as segment_started_at,
        {{ fairshare.utc_timestamp('segment_end') }} as segment_ended_at,
        {{ fairshare.utc_timestamp('conversation_start') }} as conversation_started_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
