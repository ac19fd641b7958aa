
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select user_id
from "dbt2"."intermediate"."int_users_licensed_for_month"
where user_id is null



  
  
      
    ) dbt_internal_test