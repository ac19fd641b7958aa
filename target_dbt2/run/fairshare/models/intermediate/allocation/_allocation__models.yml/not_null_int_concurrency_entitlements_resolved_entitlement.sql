
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select entitlement
from "dbt2"."intermediate"."int_concurrency_entitlements_resolved"
where entitlement is null



  
  
      
    ) dbt_internal_test