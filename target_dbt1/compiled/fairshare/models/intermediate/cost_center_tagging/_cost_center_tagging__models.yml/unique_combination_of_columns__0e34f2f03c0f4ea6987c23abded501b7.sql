

with

duplicates as (

    select
        user_id,
        valid_from,
        count(*) as row_count
    from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"
    group by user_id, valid_from
    having count(*) > 1

)

select * from duplicates

