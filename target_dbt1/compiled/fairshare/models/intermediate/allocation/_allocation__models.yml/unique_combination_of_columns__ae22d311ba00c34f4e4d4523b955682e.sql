

with

duplicates as (

    select
        slice_index,
        cost_center_code,
        count(*) as row_count
    from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
    group by slice_index, cost_center_code
    having count(*) > 1

)

select * from duplicates

