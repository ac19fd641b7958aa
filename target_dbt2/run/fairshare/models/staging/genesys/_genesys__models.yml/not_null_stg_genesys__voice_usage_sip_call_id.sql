
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select sip_call_id
from "dbt2"."staging"."stg_genesys__voice_usage"
where sip_call_id is null



  
  
      
    ) dbt_internal_test