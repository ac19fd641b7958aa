-- The month's allocations add up to the vendor invoices: per invoice, the allocated amount equals
-- the sum of its lines of the month and, when all its lines are in the month, the invoice total.
with

month_lines as (
    select
        invoice_id,
        sum(amount) as lines_amount
    from "dbt2"."staging"."stg_genesys__invoice_lines"
    where
        date_start >= cast('2026-10-01' as date)
        and date_start < cast('2026-11-01' as date)
    group by 1
),

all_lines as (
    select
        invoice_id,
        sum(amount) as all_lines_amount
    from "dbt2"."staging"."stg_genesys__invoice_lines"
    group by 1
),

invoices as (
    select * from "dbt2"."staging"."stg_genesys__invoices"
),

allocated as (
    select
        invoice_id,
        sum(amount) as allocated_amount
    from "dbt2"."marts"."invoice_lines"
    group by 1
),

compared as (
    select
        month_lines.invoice_id,
        month_lines.lines_amount,
        all_lines.all_lines_amount,
        invoices.amount as invoice_amount,
        allocated.allocated_amount
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
    allocated_amount is null
    or allocated_amount <> lines_amount
    or (
        invoice_amount is not null
        and all_lines_amount = lines_amount
        and allocated_amount <> invoice_amount
    )