{#- Licences of seeds/licence_products.csv: the Genesys licence id, the SKU it bills (cleaned), rank and model. -#}
with

source as (
    select * from {{ ref('licence_products') }}
),

cleaned as (
    select
        trim(license_id) as license_id,
        lower(trim(license_id)) as license_key,
        upper(trim(product_sku)) as product_sku,
        licence_rank,
        lower(trim(billing_model)) as billing_model
    from source
)

select * from cleaned
