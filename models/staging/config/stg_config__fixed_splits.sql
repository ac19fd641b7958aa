{#- Agreed splits of seeds/fixed_splits.csv: SKU and code cleaned. -#}
with

source as (
    select * from {{ ref('fixed_splits') }}
),

cleaned as (
    select
        upper(trim(product_sku)) as product_sku,
        upper(trim(cost_center_code)) as cost_center_code,
        split_percent
    from source
)

select * from cleaned
