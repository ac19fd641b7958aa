
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        usage_date,
        oauth_client_id,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__api_usage"
    group by usage_date, oauth_client_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test