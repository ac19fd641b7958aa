
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select allocated_cents
from "dbt1"."intermediate"."int_invoice_line_allocations_rounded"
where allocated_cents is null



  
  
      
    ) dbt_internal_test