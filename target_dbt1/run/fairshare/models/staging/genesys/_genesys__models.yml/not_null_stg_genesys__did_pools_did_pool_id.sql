
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select did_pool_id
from "dbt1"."staging"."stg_genesys__did_pools"
where did_pool_id is null



  
  
      
    ) dbt_internal_test