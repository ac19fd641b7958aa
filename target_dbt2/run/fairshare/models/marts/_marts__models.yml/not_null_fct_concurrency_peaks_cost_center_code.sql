
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_center_code
from "dbt2"."marts"."fct_concurrency_peaks"
where cost_center_code is null



  
  
      
    ) dbt_internal_test