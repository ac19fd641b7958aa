
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select number_type
from "dbt1"."config"."telecom_rates"
where number_type is null



  
  
      
    ) dbt_internal_test