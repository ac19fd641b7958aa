
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select allocation_method
from "dbt2"."marts"."invoice_lines"
where allocation_method is null



  
  
      
    ) dbt_internal_test