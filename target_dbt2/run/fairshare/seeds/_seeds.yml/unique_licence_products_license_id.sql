
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    license_id as unique_field,
    count(*) as n_records

from "dbt2"."config"."licence_products"
where license_id is not null
group by license_id
having count(*) > 1



  
  
      
    ) dbt_internal_test