
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        user_id,
        license_id,
        valid_from,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__license_users"
    group by user_id, license_id, valid_from
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test