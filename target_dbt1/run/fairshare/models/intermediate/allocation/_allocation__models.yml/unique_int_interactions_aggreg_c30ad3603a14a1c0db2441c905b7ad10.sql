
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    cost_center_code as unique_field,
    count(*) as n_records

from "dbt1"."intermediate"."int_interactions_aggregated_to_cost_centers"
where cost_center_code is not null
group by cost_center_code
having count(*) > 1



  
  
      
    ) dbt_internal_test