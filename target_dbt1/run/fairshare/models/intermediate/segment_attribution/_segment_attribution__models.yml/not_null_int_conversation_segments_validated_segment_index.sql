
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select segment_index
from "dbt1"."intermediate"."int_conversation_segments_validated"
where segment_index is null



  
  
      
    ) dbt_internal_test