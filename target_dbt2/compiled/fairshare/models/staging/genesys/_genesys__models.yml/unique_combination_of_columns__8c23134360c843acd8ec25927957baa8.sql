

with

duplicates as (

    select
        user_id,
        started_at,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__user_routing_status"
    group by user_id, started_at
    having count(*) > 1

)

select * from duplicates

