
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select attribute_name
from "dbt2"."staging"."stg_genesys__conversation_participant_attributes"
where attribute_name is null



  
  
      
    ) dbt_internal_test