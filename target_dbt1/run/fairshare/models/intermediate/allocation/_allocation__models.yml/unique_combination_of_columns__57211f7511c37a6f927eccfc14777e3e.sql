
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        number_type,
        direction,
        cost_center_code,
        count(*) as row_count
    from "dbt1"."intermediate"."int_telecom_usage_aggregated_to_cost_centers"
    group by number_type, direction, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test