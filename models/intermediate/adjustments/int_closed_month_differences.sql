{{ config(**fairshare.monthly_partition()) }}
{#-
    When var('billing_month') is a closed month being rebuilt: how the rebuild differs from what
    was posted at the close, per vendor invoice line and cost center (only the differences). Empty
    for a month that is not closed. The partition of a closed month keeps its latest rebuild's
    differences; the next open month carries them as adjustment lines (int_adjustments_carried).

    Late data is normal (Genesys reprocesses analytics for ~48 h, credit notes arrive later, a seed
    gets corrected): the month's records (re)loaded after the close are counted for the explanation.
-#}
with

latest_close as (
    select
        billing_month,
        max(close_revision) as close_revision,
        max(closed_at) as closed_at
    from {{ ref('stg_fairshare_ops__month_closes') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by billing_month
),

rebuilt as (
    select
        invoice_id,
        invoice_line_id,
        cost_center_code,
        sum(allocated_cents) as rebuilt_cents,
        sum(case when allocation_method = product_allocation_method then driver_quantity end)
            as rebuilt_driver_quantity
    from {{ ref('int_invoice_line_allocations_rounded') }}
    group by invoice_id, invoice_line_id, cost_center_code
),

posted as (
    select
        posted_lines.invoice_id,
        posted_lines.invoice_line_id,
        posted_lines.cost_center_code,
        sum(posted_lines.amount_cents) as posted_cents,
        sum(
            case
                when posted_lines.allocation_method = posted_lines.product_allocation_method
                    then posted_lines.driver_quantity
            end
        ) as posted_driver_quantity
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }} as posted_lines
    inner join latest_close
        on
            posted_lines.billing_month = latest_close.billing_month
            and posted_lines.close_revision = latest_close.close_revision
    where posted_lines.adjusted_month is null
    group by posted_lines.invoice_id, posted_lines.invoice_line_id, posted_lines.cost_center_code
),

posted_products as (
    select distinct
        invoice_id,
        invoice_line_id,
        product_sku,
        product_name,
        cost_category,
        product_allocation_method,
        driver_name,
        driver_unit
    from {{ ref('stg_fairshare_ops__posted_invoice_lines') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and adjusted_month is null
),

rebuilt_products as (
    select
        invoice_id,
        invoice_line_id,
        product_sku,
        product_name,
        cost_category,
        allocation_method as product_allocation_method,
        driver_name,
        driver_unit
    from {{ ref('int_invoice_lines_classified') }}
),

compared as (
    select
        coalesce(rebuilt.invoice_id, posted.invoice_id) as invoice_id,
        coalesce(rebuilt.invoice_line_id, posted.invoice_line_id) as invoice_line_id,
        coalesce(rebuilt.cost_center_code, posted.cost_center_code) as cost_center_code,
        coalesce(rebuilt.rebuilt_cents, 0) as rebuilt_cents,
        coalesce(posted.posted_cents, 0) as posted_cents,
        rebuilt.rebuilt_driver_quantity,
        posted.posted_driver_quantity
    from rebuilt
    full outer join posted
        on
            rebuilt.invoice_id = posted.invoice_id
            and rebuilt.invoice_line_id = posted.invoice_line_id
            and rebuilt.cost_center_code = posted.cost_center_code
),

late_records as (
    select
        (
            select count(*) from {{ ref('stg_genesys__user_presence') }} as presence
            where
                presence.started_at >= {{ fairshare.billing_month_start() }}
                and presence.started_at < {{ fairshare.billing_month_end() }}
                and presence.loaded_at > latest_close.closed_at
        ) as late_presence_records,
        (
            select count(*) from {{ ref('stg_genesys__conversations') }} as conversations
            where
                conversations.conversation_started_at >= {{ fairshare.billing_month_start() }}
                and conversations.conversation_started_at < {{ fairshare.billing_month_end() }}
                and conversations.loaded_at > latest_close.closed_at
        ) as late_conversations,
        (
            select count(*) from {{ ref('stg_genesys__invoice_lines') }} as vendor_lines
            where
                vendor_lines.date_start >= {{ fairshare.billing_month() }}
                and vendor_lines.date_start < {{ fairshare.billing_month_next() }}
                and vendor_lines.loaded_at > latest_close.closed_at
        ) as late_invoice_lines
    from latest_close
),

final as (
    select
        latest_close.billing_month,
        compared.invoice_id,
        compared.invoice_line_id,
        compared.cost_center_code,
        coalesce(rebuilt_products.product_sku, posted_products.product_sku) as product_sku,
        coalesce(rebuilt_products.product_name, posted_products.product_name) as product_name,
        coalesce(rebuilt_products.cost_category, posted_products.cost_category) as cost_category,
        coalesce(rebuilt_products.product_allocation_method, posted_products.product_allocation_method)
            as product_allocation_method,
        coalesce(rebuilt_products.driver_name, posted_products.driver_name) as driver_name,
        coalesce(rebuilt_products.driver_unit, posted_products.driver_unit) as driver_unit,
        latest_close.close_revision,
        latest_close.closed_at,
        compared.posted_cents,
        compared.rebuilt_cents,
        compared.rebuilt_cents - compared.posted_cents as difference_cents,
        compared.posted_driver_quantity,
        compared.rebuilt_driver_quantity,
        late_records.late_presence_records,
        late_records.late_conversations,
        late_records.late_invoice_lines
    from compared
    cross join latest_close
    cross join late_records
    left join rebuilt_products
        on
            compared.invoice_id = rebuilt_products.invoice_id
            and compared.invoice_line_id = rebuilt_products.invoice_line_id
    left join posted_products
        on
            compared.invoice_id = posted_products.invoice_id
            and compared.invoice_line_id = posted_products.invoice_line_id
    where compared.rebuilt_cents <> compared.posted_cents
)

select * from final
