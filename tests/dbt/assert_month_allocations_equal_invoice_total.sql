-- The month's allocations add up to the vendor invoices: per invoice, the allocated cents equal
-- the cents of its lines of the month and, when all its lines are in the month, the invoice total.
-- Sums are taken over integer cents: exact on every engine. An invoice in another currency is
-- compared line by line at the month's FX rate (its header total is in the vendor's currency).
with

vendor_lines as (
    select
        invoice_id,
        date_start,
        in_reporting_currency,
        line_cents
    from ({{ fairshare.vendor_line_cents_sql() }}) as lines_in_cents
),

month_lines as (
    select
        invoice_id,
        sum(line_cents) as lines_cents
    from vendor_lines
    where
        date_start >= {{ fairshare.billing_month() }}
        and date_start < {{ fairshare.billing_month_next() }}
    group by 1
),

all_lines as (
    select
        invoice_id,
        sum(line_cents) as all_lines_cents,
        min(case when in_reporting_currency then 1 else 0 end) as in_reporting_currency
    from vendor_lines
    group by 1
),

invoices as (
    select
        invoice_id,
        {{ fairshare.to_cents('amount') }} as invoice_cents
    from {{ ref('stg_genesys__invoices') }}
),

allocated as (
    select
        invoice_id,
        sum(amount_cents) as allocated_cents
    from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by 1
),

compared as (
    select
        month_lines.invoice_id,
        month_lines.lines_cents,
        all_lines.all_lines_cents,
        all_lines.in_reporting_currency,
        invoices.invoice_cents,
        allocated.allocated_cents
    from month_lines
    inner join all_lines
        on month_lines.invoice_id = all_lines.invoice_id
    left join invoices
        on month_lines.invoice_id = invoices.invoice_id
    left join allocated
        on month_lines.invoice_id = allocated.invoice_id
)

select * from compared
where
    allocated_cents is null
    or allocated_cents <> lines_cents
    or (
        invoice_cents is not null
        and in_reporting_currency = 1
        and all_lines_cents = lines_cents
        and allocated_cents <> invoice_cents
    )
