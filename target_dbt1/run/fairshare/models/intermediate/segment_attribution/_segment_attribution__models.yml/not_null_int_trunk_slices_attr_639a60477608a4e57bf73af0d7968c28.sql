
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select slice_ended_at
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where slice_ended_at is null



  
  
      
    ) dbt_internal_test