
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_overhead
from "dbt1"."config"."cost_centers"
where is_overhead is null



  
  
      
    ) dbt_internal_test