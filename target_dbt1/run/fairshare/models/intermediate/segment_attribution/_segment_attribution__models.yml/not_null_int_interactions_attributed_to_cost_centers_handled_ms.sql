
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select handled_ms
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where handled_ms is null



  
  
      
    ) dbt_internal_test