
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select product_sku
from "dbt1"."config"."licence_products"
where product_sku is null



  
  
      
    ) dbt_internal_test