{{ config(materialized='view') }}
{#-
    Stage 2 of fct_cost_changes: one row per cost center x cost category x product (vendor SKU)
    billed to the cost center in var('billing_month') or the month before
    (int_cost_change_lines_gathered), this month beside the month before: the cents the cost
    center carries (adjustment rows apart), its driver quantity (its own rows plus, for the
    overhead account, the ORPHAN quantity it absorbs: rows of rule driver or orphan_absorb), the
    product's vendor amount and driver total (its vendor lines summed), and the adjustment rows
    (corrections of closed months) of either month. Quantities in nano-units (10^-9 of a unit),
    money in cents. has_previous_month: the month before has any row.
-#}
with

invoice_lines as (
    select * from {{ ref('int_cost_change_lines_gathered') }}
),

month_flags as (
    select
        max(case when billing_month = {{ fairshare.insights_month_before(1) }} then 1 else 0 end)
            as has_previous_month
    from invoice_lines
),

allocation_rows as (
    select
        *,
        case when billing_month = {{ fairshare.billing_month() }} then 1 else 0 end as is_current
    from invoice_lines
    where allocation_method <> 'adjustment'
),

-- one row per vendor line of either month: its amount and driver total
vendor_lines as (
    select
        is_current,
        invoice_id,
        invoice_line_id,
        max(product_sku) as product_sku,
        max(cost_category) as cost_category,
        max(product_name) as product_name,
        max(product_allocation_method) as product_allocation_method,
        max(driver_name) as driver_name,
        max(driver_unit) as driver_unit,
        sum(amount_cents) as line_cents,
        max(
            case
                when allocation_rule in ('driver', 'orphan_absorb')
                    then {{ fairshare.to_nano_units('driver_total') }}
            end
        ) as driver_total_nano
    from allocation_rows
    group by 1, 2, 3
),

products as (
    select
        is_current,
        cost_category,
        product_sku,
        max(product_name) as product_name,
        max(product_allocation_method) as product_allocation_method,
        max(driver_name) as driver_name,
        max(driver_unit) as driver_unit,
        sum(line_cents) as line_cents,
        coalesce(sum(driver_total_nano), 0) as driver_total_nano
    from vendor_lines
    group by 1, 2, 3
),

cost_center_products as (
    select
        is_current,
        cost_center_code,
        cost_category,
        product_sku,
        max(cost_center_name) as cost_center_name,
        max(currency) as currency,
        sum(amount_cents) as cents,
        coalesce(sum(
            case
                when allocation_rule in ('driver', 'orphan_absorb')
                    then {{ fairshare.to_nano_units('driver_quantity') }}
                else 0
            end
        ), 0) as quantity_nano
    from allocation_rows
    group by 1, 2, 3, 4
),

adjustment_rows as (
    select
        cost_center_code,
        cost_category,
        product_sku,
        max(cost_center_name) as cost_center_name,
        max(product_name) as product_name,
        max(currency) as currency,
        sum(case when billing_month = {{ fairshare.billing_month() }} then amount_cents else 0 end)
            as adjustment_cents,
        sum(case when billing_month < {{ fairshare.billing_month() }} then amount_cents else 0 end)
            as previous_adjustment_cents
    from invoice_lines
    where allocation_method = 'adjustment'
    group by 1, 2, 3
),

keys as (
    select distinct
        cost_center_code,
        cost_category,
        product_sku
    from (
        select
            cost_center_code,
            cost_category,
            product_sku
        from cost_center_products
        union all
        select
            cost_center_code,
            cost_category,
            product_sku
        from adjustment_rows
    ) as keyed
),

final as (
    select
        keys.cost_center_code,
        keys.cost_category,
        keys.product_sku,
        coalesce(cur.cost_center_name, prev.cost_center_name, adj.cost_center_name) as cost_center_name,
        coalesce(line1.product_name, line0.product_name, adj.product_name) as product_name,
        coalesce(line1.product_allocation_method, line0.product_allocation_method) as product_allocation_method,
        coalesce(line1.driver_name, line0.driver_name) as driver_name,
        coalesce(line1.driver_unit, line0.driver_unit) as driver_unit,
        coalesce(cur.currency, prev.currency, adj.currency, '{{ var("currency") }}') as currency,
        month_flags.has_previous_month = 1 as has_previous_month,
        line0.product_sku is not null as is_billed_before,
        line1.product_sku is not null as is_billed_now,
        coalesce(prev.cents, 0) as previous_cents,
        coalesce(cur.cents, 0) as cents,
        coalesce(prev.quantity_nano, 0) as previous_quantity_nano,
        coalesce(cur.quantity_nano, 0) as quantity_nano,
        coalesce(line0.driver_total_nano, 0) as previous_driver_total_nano,
        coalesce(line1.driver_total_nano, 0) as driver_total_nano,
        coalesce(line0.line_cents, 0) as previous_line_cents,
        coalesce(line1.line_cents, 0) as line_cents,
        coalesce(adj.previous_adjustment_cents, 0) as previous_adjustment_cents,
        coalesce(adj.adjustment_cents, 0) as adjustment_cents
    from keys
    cross join month_flags
    left join cost_center_products as cur
        on
            cur.is_current = 1
            and keys.cost_center_code = cur.cost_center_code
            and keys.cost_category = cur.cost_category
            and keys.product_sku = cur.product_sku
    left join cost_center_products as prev
        on
            prev.is_current = 0
            and keys.cost_center_code = prev.cost_center_code
            and keys.cost_category = prev.cost_category
            and keys.product_sku = prev.product_sku
    left join products as line1
        on
            line1.is_current = 1
            and keys.cost_category = line1.cost_category
            and keys.product_sku = line1.product_sku
    left join products as line0
        on
            line0.is_current = 0
            and keys.cost_category = line0.cost_category
            and keys.product_sku = line0.product_sku
    left join adjustment_rows as adj
        on
            keys.cost_center_code = adj.cost_center_code
            and keys.cost_category = adj.cost_category
            and keys.product_sku = adj.product_sku
)

select * from final
