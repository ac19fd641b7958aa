with

source as (

    select * from "dbt2"."genesys_raw"."conversation_sessions"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(participant_id as TEXT) as participant_id,
        cast(session_id as TEXT) as session_id,
        cast(edge_id as TEXT) as edge_id,
        cast(peer_id as TEXT) as peer_id,
        cast(protocol_call_id as TEXT) as protocol_call_id,
        cast(flow_id as TEXT) as flow_id,
        cast(media_type as TEXT) as media_type,
        cast(direction as TEXT) as direction,
        cast(ani as TEXT) as ani,
        cast(ani_hash as TEXT) as ani_hash,
        cast(ani_country_code as TEXT) as ani_country_code,
        cast(ani_number_type as TEXT) as ani_number_type,
        cast(dnis as TEXT) as dnis,
        cast(dnis_hash as TEXT) as dnis_hash,
        cast(dnis_country_code as TEXT) as dnis_country_code,
        cast(dnis_number_type as TEXT) as dnis_number_type,
        cast(provider as TEXT) as provider,
        cast(flow_name as TEXT) as flow_name,
        cast(flow_type as TEXT) as flow_type,
        cast(transfer_type as TEXT) as transfer_type,
        cast(transfer_target_name as TEXT) as transfer_target_name,
        cast(session_index as bigint) as session_index,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed