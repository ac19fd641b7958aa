
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        billing_month,
        conversation_id,
        session_id,
        slice_started_ms,
        cost_center_code,
        count(*) as row_count
    from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
    group by billing_month, conversation_id, session_id, slice_started_ms, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test