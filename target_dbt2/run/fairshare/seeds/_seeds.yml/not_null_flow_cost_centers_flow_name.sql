
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select flow_name
from "dbt2"."config"."flow_cost_centers"
where flow_name is null



  
  
      
    ) dbt_internal_test