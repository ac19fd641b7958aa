

with

duplicates as (

    select
        conversation_id,
        participant_id,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__conversation_participants"
    group by conversation_id, participant_id
    having count(*) > 1

)

select * from duplicates

