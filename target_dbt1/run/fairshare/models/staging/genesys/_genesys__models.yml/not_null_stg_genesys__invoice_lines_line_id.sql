
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select line_id
from "dbt1"."staging"."stg_genesys__invoice_lines"
where line_id is null



  
  
      
    ) dbt_internal_test