
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    phone_number as unique_field,
    count(*) as n_records

from "dbt2"."config"."did_cost_centers"
where phone_number is not null
group by phone_number
having count(*) > 1



  
  
      
    ) dbt_internal_test