
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        conversation_id,
        session_id,
        slice_started_at,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."marts"."fct_segment_costs"
    group by conversation_id, session_id, slice_started_at, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test