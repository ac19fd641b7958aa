
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select phone_number
from "dbt1"."config"."did_cost_centers"
where phone_number is null



  
  
      
    ) dbt_internal_test