

with

duplicates as (

    select
        did_id,
        valid_from,
        count(*) as row_count
    from "dbt1"."intermediate"."int_dids_tagged_to_cost_centers"
    group by did_id, valid_from
    having count(*) > 1

)

select * from duplicates

