
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select charge_id
from "dbt1"."genesys_raw"."billing_period_charges"
where charge_id is null



  
  
      
    ) dbt_internal_test