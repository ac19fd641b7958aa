{{ config(materialized='view') }}
{#-
    Stage 1 of fct_cost_changes: the allocation rows of var('billing_month') and of the month
    before, in invoice_lines' shape. This month is read from invoice_lines; the month before too,
    unless it is closed: then it is read as it was posted at its latest close (fairshare_ops), so
    the change is against what the departments were invoiced (a later rebuild's differences come
    as this month's adjustment rows). A posted row's driver total is the built line's (the posted
    rows do not keep it); its allocation_rule is 'driver' when it was allocated by the product's
    own method, else its allocation method.
-#}
with

built_lines as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        cost_center_name,
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
        amount_cents,
        currency
    from {{ ref('invoice_lines') }}
    where billing_month in ({{ fairshare.insights_month_before(1) }}, {{ fairshare.billing_month() }})
),

-- a closed month is compared as it was posted (what the departments were invoiced), not as a
-- later rebuild: its rebuild's differences come as this month's adjustment rows
latest_close as (
    select
        billing_month,
        max(close_revision) as close_revision
    from {{ ref('stg_fairshare_ops__month_closes') }}
    where billing_month = {{ fairshare.insights_month_before(1) }}
    group by 1
),

previous_line_totals as (
    select
        invoice_id,
        invoice_line_id,
        max(driver_total) as driver_total
    from built_lines
    where
        billing_month = {{ fairshare.insights_month_before(1) }}
        and allocation_rule in ('driver', 'orphan_absorb')
    group by 1, 2
),

posted_lines as (
    select
        posted.billing_month,
        posted.invoice_id,
        posted.invoice_line_id,
        posted.cost_center_code,
        cast(null as {{ dbt.type_string() }}) as cost_center_name,
        posted.cost_category,
        posted.product_sku,
        posted.product_name,
        posted.allocation_method,
        posted.product_allocation_method,
        case
            when posted.allocation_method = posted.product_allocation_method then 'driver'
            else posted.allocation_method
        end as allocation_rule,
        posted.driver_name,
        posted.driver_unit,
        cast(posted.driver_quantity as {{ fairshare.type_decimal(38, 9) }}) as driver_quantity,
        previous_line_totals.driver_total,
        posted.amount_cents,
        '{{ var("currency") }}' as currency
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as posted
    inner join latest_close
        on
            posted.billing_month = latest_close.billing_month
            and posted.close_revision = latest_close.close_revision
    left join previous_line_totals
        on
            posted.invoice_id = previous_line_totals.invoice_id
            and posted.invoice_line_id = previous_line_totals.invoice_line_id
),

final as (
    select * from built_lines
    where
        billing_month = {{ fairshare.billing_month() }}
        or not exists (select 1 from latest_close)
    union all
    select * from posted_lines
)

select * from final
