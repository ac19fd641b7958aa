
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        period_start,
        usage_name,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__billable_usage"
    group by period_start, usage_name
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test