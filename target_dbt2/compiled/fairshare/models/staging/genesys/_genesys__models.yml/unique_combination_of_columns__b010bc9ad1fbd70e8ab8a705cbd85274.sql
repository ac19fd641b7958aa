

with

duplicates as (

    select
        conversation_id,
        session_id,
        segment_index,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__conversation_segments"
    group by conversation_id, session_id, segment_index
    having count(*) > 1

)

select * from duplicates

