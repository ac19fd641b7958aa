{#- Exchange rates of seeds/fx_rates.csv: currencies as upper-case ISO codes. -#}
with

source as (
    select * from {{ ref('fx_rates') }}
),

cleaned as (
    select
        billing_month,
        upper(trim(currency)) as currency,
        upper(trim(reporting_currency)) as reporting_currency,
        rate,
        source as rate_source
    from source
)

select * from cleaned
