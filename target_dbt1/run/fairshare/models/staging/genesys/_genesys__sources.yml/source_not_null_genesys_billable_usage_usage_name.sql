
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select usage_name
from "dbt1"."genesys_raw"."billable_usage"
where usage_name is null



  
  
      
    ) dbt_internal_test