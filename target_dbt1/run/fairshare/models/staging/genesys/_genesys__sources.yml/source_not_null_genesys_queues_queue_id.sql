
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select queue_id
from "dbt1"."genesys_raw"."queues"
where queue_id is null



  
  
      
    ) dbt_internal_test