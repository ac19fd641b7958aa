{#-
    Every allocation driver of var('billing_month') in one shape: one row per allocation method x
    driver scope (number type/direction for telecom, product SKU for named users and fixed splits) x
    cost center, with an integer weight (exact shares are weight / total weight) and a display
    quantity in the driver's unit. ORPHAN rows carry the usage no department is responsible for
    (and untagged objects); the allocation applies var('orphan_policy') to them.
-#}
with

unioned as (
    select * from {{ ref('int_allocation_drivers_measured') }}
    union all
    select * from {{ ref('int_allocation_drivers_licensed') }}
    union all
    select * from {{ ref('int_allocation_drivers_agreed') }}
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        allocation_method,
        number_type,
        direction,
        product_sku,
        cost_center_code,
        driver_weight,
        cast(driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        driver_variant
    from unioned
)

select * from final
