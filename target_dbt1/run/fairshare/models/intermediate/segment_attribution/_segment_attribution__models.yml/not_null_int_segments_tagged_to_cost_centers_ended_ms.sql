
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select ended_ms
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where ended_ms is null



  
  
      
    ) dbt_internal_test