
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        number_type as value_field,
        count(*) as n_records

    from "dbt1"."config"."telecom_rates"
    group by number_type

)

select *
from all_values
where value_field not in (
    'toll_free','local','mobile','international'
)



  
  
      
    ) dbt_internal_test