
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select billing_increment_seconds
from "dbt1"."config"."telecom_rates"
where billing_increment_seconds is null



  
  
      
    ) dbt_internal_test