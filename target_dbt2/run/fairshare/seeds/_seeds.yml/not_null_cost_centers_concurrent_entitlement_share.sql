
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select concurrent_entitlement_share
from "dbt2"."config"."cost_centers"
where concurrent_entitlement_share is null



  
  
      
    ) dbt_internal_test