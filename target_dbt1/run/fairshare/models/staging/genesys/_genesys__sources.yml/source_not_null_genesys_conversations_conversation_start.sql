
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversation_start
from "dbt1"."genesys_raw"."conversations"
where conversation_start is null



  
  
      
    ) dbt_internal_test