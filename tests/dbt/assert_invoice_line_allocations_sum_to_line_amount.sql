-- Every vendor invoice line of the billing month is allocated to the cent: the allocated cents of
-- its invoice_lines rows add up exactly to the line amount (a line with no rows fails too), and
-- every row's decimal amount equals its cents. Sums are taken over integer cents: exact on every
-- engine (an emulator may sum decimals as doubles). Lines in another currency count at the month's
-- rate of seeds/fx_rates.csv, rounded per line.
with

vendor_lines as (
    select
        invoice_line_id,
        invoice_id,
        line_cents
    from ({{ fairshare.vendor_line_cents_sql() }}) as lines_in_cents
    where
        date_start >= {{ fairshare.billing_month() }}
        and date_start < {{ fairshare.billing_month_next() }}
),

allocated as (
    select
        invoice_id,
        invoice_line_id,
        sum(amount_cents) as allocated_cents,
        sum(case when amount * 100 <> amount_cents then 1 else 0 end) as rows_with_amount_not_cents
    from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by 1, 2
),

compared as (
    select
        vendor_lines.invoice_id,
        vendor_lines.invoice_line_id,
        vendor_lines.line_cents,
        allocated.allocated_cents,
        allocated.rows_with_amount_not_cents
    from vendor_lines
    left join allocated
        on
            vendor_lines.invoice_id = allocated.invoice_id
            and vendor_lines.invoice_line_id = allocated.invoice_line_id
)

select * from compared
where
    allocated_cents is null
    or allocated_cents <> line_cents
    or rows_with_amount_not_cents > 0
