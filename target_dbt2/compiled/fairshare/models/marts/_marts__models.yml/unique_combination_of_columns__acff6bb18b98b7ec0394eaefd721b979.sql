

with

duplicates as (

    select
        billing_month,
        slice_started_at,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."marts"."fct_concurrency_peaks"
    group by billing_month, slice_started_at, cost_center_code
    having count(*) > 1

)

select * from duplicates

