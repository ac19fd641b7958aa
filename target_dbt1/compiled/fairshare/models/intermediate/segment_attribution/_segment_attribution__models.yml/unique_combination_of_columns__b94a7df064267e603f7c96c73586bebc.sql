

with

duplicates as (

    select
        billing_month,
        conversation_id,
        session_id,
        segment_index,
        started_ms,
        count(*) as row_count
    from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
    group by billing_month, conversation_id, session_id, segment_index, started_ms
    having count(*) > 1

)

select * from duplicates

