
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select alias_kind
from "dbt1"."config"."cost_center_aliases"
where alias_kind is null



  
  
      
    ) dbt_internal_test