{#- The product rules of seeds/vendor_products.csv: SKU cleaned (upper case), the name pattern lower case. -#}
with

source as (
    select * from {{ ref('vendor_products') }}
),

cleaned as (
    select
        upper(trim(product_sku)) as product_sku,
        lower(trim(product_name_pattern)) as product_name_pattern,
        cost_category,
        allocation_method,
        telecom_number_types,
        telecom_direction,
        driver_name,
        driver_unit,
        description,
        coalesce(is_credit, false) as is_credit
    from source
)

select * from cleaned
