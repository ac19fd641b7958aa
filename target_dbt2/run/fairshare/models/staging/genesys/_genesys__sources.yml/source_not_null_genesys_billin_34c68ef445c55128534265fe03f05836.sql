
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select billing_period_id
from "dbt2"."genesys_raw"."billing_period_charges"
where billing_period_id is null



  
  
      
    ) dbt_internal_test