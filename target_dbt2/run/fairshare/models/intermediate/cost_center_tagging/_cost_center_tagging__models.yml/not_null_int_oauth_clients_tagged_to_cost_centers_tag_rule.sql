
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select tag_rule
from "dbt2"."intermediate"."int_oauth_clients_tagged_to_cost_centers"
where tag_rule is null



  
  
      
    ) dbt_internal_test