
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select explanation
from "dbt2"."marts"."invoice_lines"
where explanation is null



  
  
      
    ) dbt_internal_test