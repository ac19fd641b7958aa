
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select session_id
from "dbt1"."intermediate"."int_conversation_segments_validated"
where session_id is null



  
  
      
    ) dbt_internal_test