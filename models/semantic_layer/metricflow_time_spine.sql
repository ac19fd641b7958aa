{{ config(materialized='table') }}
{#-
    The day spine MetricFlow needs (the dbt Semantic Layer's time spine): one row per day from
    2020-01-01 to 2030-12-31. Metrics are by billing month; the spine lets BI tools ask for any
    grain at or above a day. The number of days is computed in Jinja (no query at compile time,
    so `dbt compile` for BigQuery or Snowflake needs no connection).
-#}
{%- set first_day = modules.datetime.date(2020, 1, 1) -%}
{%- set days = (modules.datetime.date(2031, 1, 1) - first_day).days -%}
with

day_numbers as (
    {{ fairshare.number_spine(days) }}
),

final as (
    select
        cast(
            {{ dbt.dateadd('day', 'spine_number', "cast('" ~ first_day.isoformat() ~ "' as date)") }} as date
        ) as date_day
    from day_numbers
)

select * from final
