
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select record_key
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where record_key is null



  
  
      
    ) dbt_internal_test