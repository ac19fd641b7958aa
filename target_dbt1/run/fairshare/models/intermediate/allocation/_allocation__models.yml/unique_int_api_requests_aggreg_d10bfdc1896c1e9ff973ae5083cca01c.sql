
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    oauth_client_id as unique_field,
    count(*) as n_records

from "dbt1"."intermediate"."int_api_requests_aggregated_to_oauth_clients"
where oauth_client_id is not null
group by oauth_client_id
having count(*) > 1



  
  
      
    ) dbt_internal_test