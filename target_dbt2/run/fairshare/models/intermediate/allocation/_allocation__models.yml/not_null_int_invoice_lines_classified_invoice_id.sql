
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select invoice_id
from "dbt2"."intermediate"."int_invoice_lines_classified"
where invoice_id is null



  
  
      
    ) dbt_internal_test