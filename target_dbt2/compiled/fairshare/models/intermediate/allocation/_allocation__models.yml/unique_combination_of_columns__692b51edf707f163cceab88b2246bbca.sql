

with

duplicates as (

    select
        invoice_id,
        invoice_line_id,
        cost_center_code,
        allocation_method,
        count(*) as row_count
    from "dbt2"."intermediate"."int_invoice_line_allocations_rounded"
    group by invoice_id, invoice_line_id, cost_center_code, allocation_method
    having count(*) > 1

)

select * from duplicates

