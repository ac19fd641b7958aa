
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversation_start
from "dbt2"."genesys_raw"."conversations"
where conversation_start is null



  
  
      
    ) dbt_internal_test