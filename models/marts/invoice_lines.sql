{{ config(**fairshare.monthly_partition()) }}
{#-
    The mart BI tools query: every cent of every vendor invoice line of the billing month with the
    cost center that carries it, the rule, the driver and one plain sentence explaining it (the
    values in int_allocation_lines_joined, the sentence in int_allocation_lines_explained).
    The sentence always starts with the product as invoiced, then says how the row's part was
    found; money carries its ISO currency code, counts read as whole numbers (a conversation shared
    between departments counts in part, and the sentence says so), the part nobody is responsible
    for names its causes (int_orphan_causes_described) and the overage names the peak, the
    entitlement and what the vendor billed. driver_quantity / driver_total are exact: drivers
    counted in parts per billion (interactions, named users) are derived from the integer weights,
    so 20,000 interactions read 20000, not 19999.999999.
    The month also carries adjustment lines for closed months whose rebuild differs from what was
    posted (allocation_method 'adjustment', adjusted_month = the closed month).
-#}
with

allocation_lines as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        cost_center_name,
        department_head,
        cost_category,
        product_sku,
        product_name,
        allocation_method,
        product_allocation_method,
        allocation_rule,
        driver_name,
        driver_unit,
        driver_quantity,
        driver_total,
        share,  -- noqa: RF04
        amount,
        amount_cents,
        vendor_line_amount,
        vendor_line_quantity,
        measured_quantity,
        currency,
        mode,  -- noqa: RF04
        orphan_causes,
        explanation,
        adjusted_month
    from {{ ref('int_allocation_lines_explained') }}
),

adjustments as (
    select * from {{ ref('int_adjustment_lines_explained') }}
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

adjustment_lines as (
    select
        adjustments.billing_month,
        adjustments.invoice_id,
        adjustments.invoice_line_id,
        adjustments.cost_center_code,
        cost_centers.cost_center_name,
        cost_centers.department_head,
        adjustments.cost_category,
        adjustments.product_sku,
        adjustments.product_name,
        adjustments.allocation_method,
        adjustments.product_allocation_method,
        adjustments.allocation_rule,
        adjustments.driver_name,
        adjustments.driver_unit,
        cast(adjustments.driver_quantity as {{ fairshare.type_decimal(38, 9) }}) as driver_quantity,
        cast(null as {{ fairshare.type_decimal(38, 9) }}) as driver_total,
        cast(null as {{ fairshare.type_decimal(38, 9) }}) as share,  -- noqa: RF04
        cast(adjustments.amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        adjustments.amount_cents,
        cast(null as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        cast(null as {{ fairshare.type_quantity() }}) as vendor_line_quantity,
        cast(null as {{ fairshare.type_decimal(38, 3) }}) as measured_quantity,
        '{{ var("currency") }}' as currency,
        '{{ var("mode") }}' as mode,  -- noqa: RF04
        cast(null as {{ dbt.type_string() }}) as orphan_causes,
        adjustments.explanation,
        adjustments.adjusted_month
    from adjustments
    left join cost_centers
        on adjustments.cost_center_code = cost_centers.cost_center_code
),

final as (
    select * from allocation_lines
    union all
    select * from adjustment_lines
)

select * from final
