

with

duplicates as (

    select
        conversation_id,
        session_id,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__conversation_sessions"
    group by conversation_id, session_id
    having count(*) > 1

)

select * from duplicates

