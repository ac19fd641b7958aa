{#- The telecom rate card of seeds/telecom_rates.csv: number type and direction lower case, country trimmed. -#}
with

source as (
    select * from {{ ref('telecom_rates') }}
),

cleaned as (
    select
        lower(trim(number_type)) as number_type,
        lower(trim(direction)) as direction,
        trim(country_code) as country_code,
        rate_per_minute,
        billing_increment_seconds
    from source
)

select * from cleaned
