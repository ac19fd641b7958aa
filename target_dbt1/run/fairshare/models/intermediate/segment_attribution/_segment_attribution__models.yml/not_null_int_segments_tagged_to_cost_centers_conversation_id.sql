
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select conversation_id
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where conversation_id is null



  
  
      
    ) dbt_internal_test