
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversation_id
from "dbt1"."genesys_raw"."conversation_segments"
where conversation_id is null



  
  
      
    ) dbt_internal_test