
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        tag_rule as value_field,
        count(*) as n_records

    from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
    group by tag_rule

)

select *
from all_values
where value_field not in (
    'custom_attribute','department_alias','untagged'
)



  
  
      
    ) dbt_internal_test