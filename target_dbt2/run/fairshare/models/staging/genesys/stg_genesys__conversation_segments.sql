
  
  create view "dbt2"."staging"."stg_genesys__conversation_segments__dbt_tmp" as (
    with

source as (

    select * from "dbt2"."genesys_raw"."conversation_segments"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(participant_id as TEXT) as participant_id,
        cast(session_id as TEXT) as session_id,
        cast(queue_id as TEXT) as queue_id,
        cast(source_session_id as TEXT) as source_session_id,
        cast(destination_session_id as TEXT) as destination_session_id,
        cast(segment_type as TEXT) as segment_type,
        cast(disconnect_type as TEXT) as disconnect_type,
        cast(wrap_up_code as TEXT) as wrap_up_code,
        cast(segment_index as bigint) as segment_index,
        cast(is_conference as boolean) as is_conference,
        cast(timezone('UTC', segment_start) as timestamp) as segment_started_at,
        cast(timezone('UTC', segment_end) as timestamp) as segment_ended_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );
