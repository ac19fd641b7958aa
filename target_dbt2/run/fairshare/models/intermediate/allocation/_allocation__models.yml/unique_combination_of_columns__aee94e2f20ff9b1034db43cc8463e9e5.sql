
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        invoice_id,
        invoice_line_id,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."intermediate"."int_invoice_line_weights_joined"
    group by invoice_id, invoice_line_id, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test