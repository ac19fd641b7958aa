
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select source
from "dbt2"."genesys_raw"."invoice_lines"
where source is null



  
  
      
    ) dbt_internal_test