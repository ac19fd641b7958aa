
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select usage_date
from "dbt2"."genesys_raw"."api_usage"
where usage_date is null



  
  
      
    ) dbt_internal_test