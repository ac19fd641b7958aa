
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select stage
from "dbt2"."marts"."fct_quarantine"
where stage is null



  
  
      
    ) dbt_internal_test