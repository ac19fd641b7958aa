
  
  create view "dbt1"."staging"."stg_genesys__conversation_participants__dbt_tmp" as (
    with

source as (

    select * from "dbt1"."genesys_raw"."conversation_participants"

),

renamed as (

    select
        cast(conversation_id as TEXT) as conversation_id,
        cast(participant_id as TEXT) as participant_id,
        cast(user_id as TEXT) as user_id,
        cast(participant_name as TEXT) as participant_name,
        cast(participant_name_hash as TEXT) as participant_name_hash,
        cast(purpose as TEXT) as purpose,
        cast(participant_index as bigint) as participant_index,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );
