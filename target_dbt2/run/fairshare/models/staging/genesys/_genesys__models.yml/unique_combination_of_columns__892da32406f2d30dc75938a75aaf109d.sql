
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        billing_period_id,
        charge_id,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__billing_period_charges"
    group by billing_period_id, charge_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test