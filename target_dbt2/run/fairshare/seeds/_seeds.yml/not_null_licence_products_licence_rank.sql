
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select licence_rank
from "dbt2"."config"."licence_products"
where licence_rank is null



  
  
      
    ) dbt_internal_test