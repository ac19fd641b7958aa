
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select division_id
from "dbt1"."genesys_raw"."divisions"
where division_id is null



  
  
      
    ) dbt_internal_test