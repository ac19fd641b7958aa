
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select participant_id
from "dbt2"."genesys_raw"."conversation_segments"
where participant_id is null



  
  
      
    ) dbt_internal_test