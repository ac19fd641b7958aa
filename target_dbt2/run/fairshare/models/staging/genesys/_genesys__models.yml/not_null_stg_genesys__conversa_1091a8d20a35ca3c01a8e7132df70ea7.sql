
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversation_id
from "dbt2"."staging"."stg_genesys__conversation_participant_attributes"
where conversation_id is null



  
  
      
    ) dbt_internal_test