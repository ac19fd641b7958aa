with

source as (

    select * from {{ source('genesys', 'billable_usage') }}

),

renamed as (

    select
        cast(usage_name as {{ dbt.type_string() }}) as usage_name,
        cast(total_usage as {{ fairshare.type_quantity() }}) as total_usage,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
