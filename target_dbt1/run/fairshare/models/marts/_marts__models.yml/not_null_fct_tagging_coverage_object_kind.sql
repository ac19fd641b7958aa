
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select object_kind
from "dbt1"."marts"."fct_tagging_coverage"
where object_kind is null



  
  
      
    ) dbt_internal_test