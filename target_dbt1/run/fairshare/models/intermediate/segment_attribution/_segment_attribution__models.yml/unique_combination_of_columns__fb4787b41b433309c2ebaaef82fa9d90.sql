
    
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
        segment_index,
        count(*) as row_count
    from "dbt1"."intermediate"."int_conversation_segments_validated"
    group by billing_month, conversation_id, session_id, segment_index
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test