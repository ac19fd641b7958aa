

with

duplicates as (

    select
        billing_month,
        conversation_id,
        cost_center_code,
        count(*) as row_count
    from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
    group by billing_month, conversation_id, cost_center_code
    having count(*) > 1

)

select * from duplicates

