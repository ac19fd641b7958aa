
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    flow_name as unique_field,
    count(*) as n_records

from "dbt2"."config"."flow_cost_centers"
where flow_name is not null
group by flow_name
having count(*) > 1



  
  
      
    ) dbt_internal_test