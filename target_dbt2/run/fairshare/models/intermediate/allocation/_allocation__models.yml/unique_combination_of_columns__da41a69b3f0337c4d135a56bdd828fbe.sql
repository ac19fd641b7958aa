
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        user_id,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."intermediate"."int_named_users_split_to_cost_centers"
    group by user_id, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test