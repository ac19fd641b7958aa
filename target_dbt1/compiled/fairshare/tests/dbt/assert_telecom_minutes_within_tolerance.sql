
-- Measured telecom minutes (billed seconds of the month's legs) vs the minutes on each telecom
-- invoice line: a relative gap above var('telecom_minutes_tolerance') is a warning (missing voice
-- usage rows, legs cut at the billing-cycle boundary, mapping of number types to products).
select
    invoice_id,
    invoice_line_id,
    product_sku,
    invoiced_minutes,
    measured_minutes
from "dbt1"."intermediate"."int_telecom_lines_reconciled"
where
    abs(measured_minutes - invoiced_minutes)
    > abs(invoiced_minutes) * cast('0.02' as decimal(9, 6))