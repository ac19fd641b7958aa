
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select schema_id
from "dbt2"."genesys_raw"."user_custom_attributes"
where schema_id is null



  
  
      
    ) dbt_internal_test