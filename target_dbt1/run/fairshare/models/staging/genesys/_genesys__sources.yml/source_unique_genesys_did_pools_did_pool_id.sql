
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    did_pool_id as unique_field,
    count(*) as n_records

from "dbt1"."genesys_raw"."did_pools"
where did_pool_id is not null
group by did_pool_id
having count(*) > 1



  
  
      
    ) dbt_internal_test