
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select attributed_ms
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where attributed_ms is null



  
  
      
    ) dbt_internal_test