
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select direction
from "dbt2"."config"."telecom_rates"
where direction is null



  
  
      
    ) dbt_internal_test