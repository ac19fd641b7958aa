{#-
    The licence each user is billed at in var('billing_month'): the highest licence_rank among the
    licences held at any time during the month (Genesys bills named and concurrent users at the
    highest licence held). The first recorded version of a (user, licence) pair counts as held since
    the beginning of time (a single snapshot loaded after the month still covers it). Licence ids
    missing from seeds/licence_products.csv are ignored here and reported in fct_quarantine.
-#}
with

license_users as (
    select * from {{ ref('stg_genesys__license_users') }}
),

licence_products as (
    select * from {{ ref('stg_config__licence_products') }}
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
        (version_number = 1 or valid_from < {{ fairshare.billing_month_end() }})
        and (valid_to is null or valid_to > {{ fairshare.billing_month_start() }})
),

priced as (
    select
        held_in_month.user_id,
        held_in_month.license_id,
        licence_products.product_sku,
        licence_products.licence_rank,
        licence_products.billing_model,
        row_number() over (
            partition by held_in_month.user_id
            order by licence_products.licence_rank desc, held_in_month.license_id asc
        ) as licence_order
    from held_in_month
    inner join licence_products
        on lower(trim(held_in_month.license_id)) = licence_products.license_key
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_id,
        license_id,
        product_sku,
        licence_rank,
        billing_model
    from priced
    where licence_order = 1
)

select * from final
