
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        attribution_rule as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_conversation_slices_attributed_to_cost_centers"
    group by attribution_rule

)

select *
from all_values
where value_field not in (
    'queue','agent','unknown_queue','ivr_tag','orphan_ivr','orphan_unowned'
)



  
  
      
    ) dbt_internal_test