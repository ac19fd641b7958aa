
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select period_start
from "dbt1"."staging"."stg_genesys__billable_usage"
where period_start is null



  
  
      
    ) dbt_internal_test