
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        cost_source as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_trunk_legs_costed"
    group by cost_source

)

select *
from all_values
where value_field not in (
    'voice_usage_file','rate_card'
)



  
  
      
    ) dbt_internal_test