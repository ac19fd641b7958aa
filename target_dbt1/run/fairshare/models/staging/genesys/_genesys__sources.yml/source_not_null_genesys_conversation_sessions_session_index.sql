
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select session_index
from "dbt1"."genesys_raw"."conversation_sessions"
where session_index is null



  
  
      
    ) dbt_internal_test