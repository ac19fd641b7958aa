
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select user_id
from "dbt1"."genesys_raw"."user_routing_status"
where user_id is null



  
  
      
    ) dbt_internal_test