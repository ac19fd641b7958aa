
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_center_code
from "dbt1"."marts"."dim_cost_centers"
where cost_center_code is null



  
  
      
    ) dbt_internal_test