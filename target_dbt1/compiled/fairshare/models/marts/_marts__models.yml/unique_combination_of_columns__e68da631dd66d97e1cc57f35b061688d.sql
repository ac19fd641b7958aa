

with

duplicates as (

    select
        billing_month,
        cost_center_code,
        cost_category,
        count(*) as row_count
    from "dbt1"."marts"."fct_cost_center_month"
    group by billing_month, cost_center_code, cost_category
    having count(*) > 1

)

select * from duplicates

