
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select attribution_rule
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where attribution_rule is null



  
  
      
    ) dbt_internal_test