{{ config(**fairshare.monthly_partition()) }}
{#-
    The vendor's invoice lines of var('billing_month') as they were allocated: what the month's
    invoice_lines add up to, line by line, in the reporting currency (and the vendor's own amount,
    currency and rate). The publisher and BI read the vendor side from here, never from the raw
    tables, so a published month is self-contained (and checksummed with the other marts).
-#}
with

classified as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

invoice_headers as (
    select * from {{ ref('stg_genesys__invoices') }}
),

final as (
    select
        classified.billing_month,
        classified.invoice_id,
        classified.invoice_line_id,
        classified.product_sku,
        classified.invoice_product_sku,
        classified.product_name,
        classified.line_description,
        classified.cost_category,
        classified.allocation_method,
        classified.driver_name,
        classified.driver_unit,
        classified.date_start,
        classified.date_end,
        classified.quantity,
        classified.unit_of_measure,
        classified.amount,
        classified.amount_cents,
        classified.currency,
        classified.vendor_amount,
        classified.vendor_currency,
        classified.fx_rate,
        classified.is_credit_product,
        classified.vendor_source,
        invoice_headers.amount as invoice_amount,
        invoice_headers.date_invoiced as invoice_date
    from classified
    left join invoice_headers
        on classified.invoice_id = invoice_headers.invoice_id
)

select * from final
