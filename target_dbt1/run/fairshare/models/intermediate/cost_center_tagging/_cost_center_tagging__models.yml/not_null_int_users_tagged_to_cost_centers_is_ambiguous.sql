
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_ambiguous
from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"
where is_ambiguous is null



  
  
      
    ) dbt_internal_test