
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select did_id
from "dbt2"."intermediate"."int_dids_tagged_to_cost_centers"
where did_id is null



  
  
      
    ) dbt_internal_test