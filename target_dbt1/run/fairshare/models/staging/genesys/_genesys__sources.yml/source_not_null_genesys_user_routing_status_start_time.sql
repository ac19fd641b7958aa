
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select start_time
from "dbt1"."genesys_raw"."user_routing_status"
where start_time is null



  
  
      
    ) dbt_internal_test