
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select license_id
from "dbt1"."staging"."stg_genesys__license_definitions"
where license_id is null



  
  
      
    ) dbt_internal_test