
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    sip_call_id as unique_field,
    count(*) as n_records

from "dbt2"."genesys_raw"."voice_usage"
where sip_call_id is not null
group by sip_call_id
having count(*) > 1



  
  
      
    ) dbt_internal_test