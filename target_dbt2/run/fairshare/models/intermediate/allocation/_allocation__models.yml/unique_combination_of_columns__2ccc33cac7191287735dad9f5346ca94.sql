
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        allocation_method,
        number_type,
        direction,
        product_sku,
        cost_center_code,
        count(*) as row_count
    from "dbt2"."intermediate"."int_allocation_drivers_unioned"
    group by allocation_method, number_type, direction, product_sku, cost_center_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test