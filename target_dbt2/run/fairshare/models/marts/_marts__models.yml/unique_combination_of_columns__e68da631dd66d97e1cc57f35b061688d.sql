
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        billing_month,
        cost_center_code,
        cost_category,
        count(*) as row_count
    from "dbt2"."marts"."fct_cost_center_month"
    group by billing_month, cost_center_code, cost_category
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test