
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select oauth_client_id
from "dbt2"."staging"."stg_genesys__oauth_clients"
where oauth_client_id is null



  
  
      
    ) dbt_internal_test