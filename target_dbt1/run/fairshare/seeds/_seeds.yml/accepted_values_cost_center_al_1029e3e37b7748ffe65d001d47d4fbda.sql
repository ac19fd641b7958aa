
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        alias_kind as value_field,
        count(*) as n_records

    from "dbt1"."config"."cost_center_aliases"
    group by alias_kind

)

select *
from all_values
where value_field not in (
    'department','queue_prefix','custom_attribute','participant_data','any'
)



  
  
      
    ) dbt_internal_test