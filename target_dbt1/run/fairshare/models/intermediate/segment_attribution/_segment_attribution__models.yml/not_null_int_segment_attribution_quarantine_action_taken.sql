
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select action_taken
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where action_taken is null



  
  
      
    ) dbt_internal_test