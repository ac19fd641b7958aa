

with

duplicates as (

    select
        user_id,
        slice_index,
        count(*) as row_count
    from "dbt2"."intermediate"."int_agent_queue_work_sliced"
    group by user_id, slice_index
    having count(*) > 1

)

select * from duplicates

