with

source as (

    select * from "dbt2"."genesys_raw"."billable_usage"

),

renamed as (

    select
        cast(usage_name as TEXT) as usage_name,
        cast(total_usage as decimal(20, 6)) as total_usage,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed