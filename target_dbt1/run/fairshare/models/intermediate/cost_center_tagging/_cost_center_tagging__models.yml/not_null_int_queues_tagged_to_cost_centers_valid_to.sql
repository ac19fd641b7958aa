
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select valid_to
from "dbt1"."intermediate"."int_queues_tagged_to_cost_centers"
where valid_to is null



  
  
      
    ) dbt_internal_test