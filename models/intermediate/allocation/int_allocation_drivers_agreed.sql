{{ config(materialized='view') }}
{#-
    The agreed allocation drivers, for the billing month (int_allocation_drivers_unioned unions
    them with the usage and licence drivers): fixed_split (the agreed percentages per product SKU,
    seeds/fixed_splits.csv) and even (one share per cost center active in the month, the overhead
    account excluded). A view (read once).
-#}
with

fixed_splits as (
    select * from {{ ref('stg_config__fixed_splits') }}
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

fixed_split_drivers as (
    select
        'fixed_split' as allocation_method,
        product_sku,
        cost_center_code,
        {{ fairshare.int_wide(fairshare.to_micro_units('split_percent')) }} as driver_weight,
        cast(split_percent as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from fixed_splits
),

even_drivers as (
    select
        'even' as allocation_method,
        cost_center_code,
        {{ fairshare.int_wide('1') }} as driver_weight,
        cast(1 as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from cost_centers
    where
        not coalesce(is_overhead, false)
        and (active_from is null or active_from < {{ fairshare.billing_month_next() }})
        and (active_to is null or active_to >= {{ fairshare.billing_month() }})
),

final as (
    {{ fairshare.union_padded([
        ['fixed_split_drivers', ['allocation_method', 'product_sku', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['even_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
    ], fairshare.allocation_driver_columns()) }}
)

select * from final
