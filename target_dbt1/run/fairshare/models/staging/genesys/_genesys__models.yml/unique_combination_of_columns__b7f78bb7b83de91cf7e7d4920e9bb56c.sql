
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        user_id,
        valid_from,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__users"
    group by user_id, valid_from
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test