with

license_users as (
    select * from "dbt1"."staging"."stg_genesys__license_users"
),

licence_products as (
    select * from "dbt1"."config"."licence_products"
),

versioned as (
    select
        user_id,
        license_id,
        valid_from,
        valid_to,
        row_number() over (partition by user_id, license_id order by valid_from) as version_number
    from license_users
),

held_in_month as (
    select distinct
        user_id,
        license_id
    from versioned
    where
        (version_number = 1 or valid_from < cast('2026-11-01 00:00:00' as timestamp))
        and (valid_to is null or valid_to > cast('2026-10-01 00:00:00' as timestamp))
),

priced as (
    select
        held_in_month.user_id,
        held_in_month.license_id,
        licence_products.product_sku,
        licence_products.licence_rank,
        lower(licence_products.billing_model) as billing_model,
        row_number() over (
            partition by held_in_month.user_id
            order by licence_products.licence_rank desc, held_in_month.license_id
        ) as licence_order
    from held_in_month
    inner join licence_products
        on lower(trim(held_in_month.license_id)) = lower(trim(licence_products.license_id))
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        user_id,
        license_id,
        product_sku,
        licence_rank,
        billing_model
    from priced
    where licence_order = 1
)

select * from final