
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select participant_index
from "dbt1"."genesys_raw"."conversation_participants"
where participant_index is null



  
  
      
    ) dbt_internal_test