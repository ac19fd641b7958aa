
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select rate_per_minute
from "dbt2"."config"."telecom_rates"
where rate_per_minute is null



  
  
      
    ) dbt_internal_test