

with

duplicates as (

    select
        billing_month,
        record_kind,
        record_key,
        reason,
        count(*) as row_count
    from "dbt1"."intermediate"."int_segment_attribution_quarantine"
    group by billing_month, record_kind, record_key, reason
    having count(*) > 1

)

select * from duplicates

