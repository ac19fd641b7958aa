
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select record_kind
from "dbt2"."marts"."fct_quarantine"
where record_kind is null



  
  
      
    ) dbt_internal_test