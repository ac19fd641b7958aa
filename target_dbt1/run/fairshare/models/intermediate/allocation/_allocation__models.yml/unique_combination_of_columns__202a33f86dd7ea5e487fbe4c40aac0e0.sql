
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        user_id,
        slice_index,
        count(*) as row_count
    from "dbt1"."intermediate"."int_concurrent_users_sliced"
    group by user_id, slice_index
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test