

with

duplicates as (

    select
        conversation_id,
        participant_id,
        attribute_name,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__conversation_participant_attributes"
    group by conversation_id, participant_id, attribute_name
    having count(*) > 1

)

select * from duplicates

