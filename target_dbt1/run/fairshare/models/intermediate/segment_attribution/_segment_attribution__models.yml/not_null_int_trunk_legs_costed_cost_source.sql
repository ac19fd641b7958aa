
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_source
from "dbt1"."intermediate"."int_trunk_legs_costed"
where cost_source is null



  
  
      
    ) dbt_internal_test