
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        billing_month,
        object_kind,
        object_id,
        count(*) as row_count
    from "dbt2"."marts"."fct_tagging_coverage"
    group by billing_month, object_kind, object_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test