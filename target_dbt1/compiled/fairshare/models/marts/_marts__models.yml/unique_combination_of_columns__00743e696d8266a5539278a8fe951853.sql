

with

duplicates as (

    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        allocation_method,
        count(*) as row_count
    from "dbt1"."marts"."invoice_lines"
    group by billing_month, invoice_id, invoice_line_id, cost_center_code, allocation_method
    having count(*) > 1

)

select * from duplicates

