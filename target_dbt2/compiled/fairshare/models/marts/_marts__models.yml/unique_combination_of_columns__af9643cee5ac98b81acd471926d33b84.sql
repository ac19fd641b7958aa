

with

duplicates as (

    select
        billing_month,
        user_id,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."marts"."fct_named_users"
    group by billing_month, user_id, cost_center_code
    having count(*) > 1

)

select * from duplicates

