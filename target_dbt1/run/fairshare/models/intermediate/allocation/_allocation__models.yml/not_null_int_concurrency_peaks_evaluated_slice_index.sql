
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select slice_index
from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
where slice_index is null



  
  
      
    ) dbt_internal_test