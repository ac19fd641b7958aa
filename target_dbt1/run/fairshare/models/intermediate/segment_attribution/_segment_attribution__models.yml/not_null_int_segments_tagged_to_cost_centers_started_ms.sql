
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select started_ms
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where started_ms is null



  
  
      
    ) dbt_internal_test