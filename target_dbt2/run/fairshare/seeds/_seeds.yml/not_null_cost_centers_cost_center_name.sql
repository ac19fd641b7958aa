
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_center_name
from "dbt2"."config"."cost_centers"
where cost_center_name is null



  
  
      
    ) dbt_internal_test