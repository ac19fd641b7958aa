

with

duplicates as (

    select
        queue_id,
        valid_from,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__queues"
    group by queue_id, valid_from
    having count(*) > 1

)

select * from duplicates

