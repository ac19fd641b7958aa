
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_center_code
from "dbt2"."intermediate"."int_named_users_split_to_cost_centers"
where cost_center_code is null



  
  
      
    ) dbt_internal_test