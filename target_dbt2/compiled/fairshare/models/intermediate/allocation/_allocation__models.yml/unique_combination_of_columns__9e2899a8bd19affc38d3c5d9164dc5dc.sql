

with

duplicates as (

    select
        slice_index,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."intermediate"."int_concurrency_slices_by_cost_center"
    group by slice_index, cost_center_code
    having count(*) > 1

)

select * from duplicates

