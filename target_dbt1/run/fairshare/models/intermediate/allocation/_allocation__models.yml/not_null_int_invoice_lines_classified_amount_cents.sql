
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select amount_cents
from "dbt1"."intermediate"."int_invoice_lines_classified"
where amount_cents is null



  
  
      
    ) dbt_internal_test