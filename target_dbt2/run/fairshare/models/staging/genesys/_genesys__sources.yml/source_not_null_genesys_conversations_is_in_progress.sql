
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_in_progress
from "dbt2"."genesys_raw"."conversations"
where is_in_progress is null



  
  
      
    ) dbt_internal_test