
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select attribute_name
from "dbt1"."genesys_raw"."conversation_participant_attributes"
where attribute_name is null



  
  
      
    ) dbt_internal_test