
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        invoice_id,
        line_id,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__invoice_lines"
    group by invoice_id, line_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test