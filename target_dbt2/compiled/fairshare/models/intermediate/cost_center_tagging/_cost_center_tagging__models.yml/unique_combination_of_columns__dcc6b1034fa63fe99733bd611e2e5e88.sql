

with

duplicates as (

    select
        queue_id,
        valid_from,
        count(*) as row_count
    from "dbt2"."intermediate"."int_queues_tagged_to_cost_centers"
    group by queue_id, valid_from
    having count(*) > 1

)

select * from duplicates

