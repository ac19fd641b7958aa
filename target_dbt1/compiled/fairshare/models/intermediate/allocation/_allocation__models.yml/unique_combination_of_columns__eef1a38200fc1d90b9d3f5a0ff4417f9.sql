

with

duplicates as (

    select
        invoice_id,
        invoice_line_id,
        count(*) as row_count
    from "dbt1"."intermediate"."int_invoice_lines_classified"
    group by invoice_id, invoice_line_id
    having count(*) > 1

)

select * from duplicates

