
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        allocation_rule as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_invoice_line_weights_joined"
    group by allocation_rule

)

select *
from all_values
where value_field not in (
    'driver','zero_driver','overhead'
)



  
  
      
    ) dbt_internal_test