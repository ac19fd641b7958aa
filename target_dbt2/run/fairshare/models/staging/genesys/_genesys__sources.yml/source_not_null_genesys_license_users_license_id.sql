
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select license_id
from "dbt2"."genesys_raw"."license_users"
where license_id is null



  
  
      
    ) dbt_internal_test