
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select billing_model
from "dbt2"."config"."licence_products"
where billing_model is null



  
  
      
    ) dbt_internal_test