
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select leg_ended_at
from "dbt1"."intermediate"."int_trunk_legs_costed"
where leg_ended_at is null



  
  
      
    ) dbt_internal_test