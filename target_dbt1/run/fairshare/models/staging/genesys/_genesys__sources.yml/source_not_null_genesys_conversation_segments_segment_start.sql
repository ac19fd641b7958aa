
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select segment_start
from "dbt1"."genesys_raw"."conversation_segments"
where segment_start is null



  
  
      
    ) dbt_internal_test