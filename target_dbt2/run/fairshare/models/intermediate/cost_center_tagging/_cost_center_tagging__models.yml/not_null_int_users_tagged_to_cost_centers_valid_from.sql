
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select valid_from
from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
where valid_from is null



  
  
      
    ) dbt_internal_test