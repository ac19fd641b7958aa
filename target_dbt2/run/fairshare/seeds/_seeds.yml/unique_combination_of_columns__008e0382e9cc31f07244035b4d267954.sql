
    
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
        country_code,
        count(*) as row_count
    from "dbt2"."config"."telecom_rates"
    group by number_type, direction, country_code
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test