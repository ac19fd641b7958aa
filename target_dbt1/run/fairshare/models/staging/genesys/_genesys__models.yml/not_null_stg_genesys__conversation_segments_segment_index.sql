
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select segment_index
from "dbt1"."staging"."stg_genesys__conversation_segments"
where segment_index is null



  
  
      
    ) dbt_internal_test