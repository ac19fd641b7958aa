
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        responsibility_level as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
    group by responsibility_level

)

select *
from all_values
where value_field not in (
    1,2
)



  
  
      
    ) dbt_internal_test