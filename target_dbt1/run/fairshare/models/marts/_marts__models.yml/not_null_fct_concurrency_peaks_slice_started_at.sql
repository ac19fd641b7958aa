
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select slice_started_at
from "dbt1"."marts"."fct_concurrency_peaks"
where slice_started_at is null



  
  
      
    ) dbt_internal_test