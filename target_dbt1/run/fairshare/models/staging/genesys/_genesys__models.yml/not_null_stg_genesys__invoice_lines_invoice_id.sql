
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select invoice_id
from "dbt1"."staging"."stg_genesys__invoice_lines"
where invoice_id is null



  
  
      
    ) dbt_internal_test