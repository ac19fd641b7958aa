-- Every vendor invoice line of the billing month is allocated to the cent: the allocated cents of
-- its invoice_lines rows add up exactly to the line amount (a line with no rows fails too).
with

vendor_lines as (
    select
        line_id as invoice_line_id,
        invoice_id,
        {{ fairshare.to_cents('amount') }} as line_cents
    from {{ ref('stg_genesys__invoice_lines') }}
    where
        date_start >= {{ fairshare.allocation_month() }}
        and date_start < {{ fairshare.allocation_next_month() }}
),

allocated as (
    select
        invoice_id,
        invoice_line_id,
        sum(amount_cents) as allocated_cents,
        sum(amount) as allocated_amount
    from {{ ref('invoice_lines') }}
    group by 1, 2
),

compared as (
    select
        vendor_lines.invoice_id,
        vendor_lines.invoice_line_id,
        vendor_lines.line_cents,
        allocated.allocated_cents,
        allocated.allocated_amount
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
    or allocated_amount * 100 <> line_cents
