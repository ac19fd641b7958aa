

with

duplicates as (

    select
        billing_month,
        conversation_id,
        count(*) as row_count
    from "dbt1"."intermediate"."int_conversations_tagged_to_cost_centers"
    group by billing_month, conversation_id
    having count(*) > 1

)

select * from duplicates

