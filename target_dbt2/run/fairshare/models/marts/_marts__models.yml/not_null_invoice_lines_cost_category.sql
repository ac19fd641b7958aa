
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_category
from "dbt2"."marts"."invoice_lines"
where cost_category is null



  
  
      
    ) dbt_internal_test