{{ config(materialized='table') }}
{#-
    The day spine MetricFlow needs (the dbt Semantic Layer's time spine): one row per day from
    2020-01-01 to 2030-12-31. Metrics are by billing month; the spine lets BI tools ask for any
    grain at or above a day.
-#}
with

days as (
    {{ dbt.date_spine('day', "cast('2020-01-01' as date)", "cast('2031-01-01' as date)") }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
