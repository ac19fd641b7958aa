with

source as (

    select * from {{ source('genesys', 'conversation_sessions') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(participant_id as {{ dbt.type_string() }}) as participant_id,
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast(edge_id as {{ dbt.type_string() }}) as edge_id,
        cast(peer_id as {{ dbt.type_string() }}) as peer_id,
        cast(protocol_call_id as {{ dbt.type_string() }}) as protocol_call_id,
        cast(flow_id as {{ dbt.type_string() }}) as flow_id,
        cast(media_type as {{ dbt.type_string() }}) as media_type,
        cast(direction as {{ dbt.type_string() }}) as direction,
        cast(ani as {{ dbt.type_string() }}) as ani,
        cast(ani_hash as {{ dbt.type_string() }}) as ani_hash,
        cast(ani_country_code as {{ dbt.type_string() }}) as ani_country_code,
        cast(ani_number_type as {{ dbt.type_string() }}) as ani_number_type,
        cast(dnis as {{ dbt.type_string() }}) as dnis,
        cast(dnis_hash as {{ dbt.type_string() }}) as dnis_hash,
        cast(dnis_country_code as {{ dbt.type_string() }}) as dnis_country_code,
        cast(dnis_number_type as {{ dbt.type_string() }}) as dnis_number_type,
        cast(provider as {{ dbt.type_string() }}) as provider,  -- noqa: RF04
        cast(flow_name as {{ dbt.type_string() }}) as flow_name,
        cast(flow_type as {{ dbt.type_string() }}) as flow_type,
        cast(transfer_type as {{ dbt.type_string() }}) as transfer_type,
        cast(transfer_target_name as {{ dbt.type_string() }}) as transfer_target_name,
        cast(session_index as {{ dbt.type_bigint() }}) as session_index,
        {{ fairshare.utc_timestamp('conversation_start') }} as conversation_started_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
