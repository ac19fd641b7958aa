

with

duplicates as (

    select
        period_start,
        usage_name,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__billable_usage"
    group by period_start, usage_name
    having count(*) > 1

)

select * from duplicates

