
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select interaction_share_ppb
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where interaction_share_ppb is null



  
  
      
    ) dbt_internal_test