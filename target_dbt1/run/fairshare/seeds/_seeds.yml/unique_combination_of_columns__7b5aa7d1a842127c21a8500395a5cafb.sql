
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        alias,
        alias_kind,
        count(*) as row_count
    from "dbt1"."config"."cost_center_aliases"
    group by alias, alias_kind
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test