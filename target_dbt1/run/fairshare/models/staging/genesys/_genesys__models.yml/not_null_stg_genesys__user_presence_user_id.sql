
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select user_id
from "dbt1"."staging"."stg_genesys__user_presence"
where user_id is null



  
  
      
    ) dbt_internal_test