
    
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
        count(*) as row_count
    from "dbt1"."intermediate"."int_trunk_legs_costed"
    group by billing_month, conversation_id, session_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test