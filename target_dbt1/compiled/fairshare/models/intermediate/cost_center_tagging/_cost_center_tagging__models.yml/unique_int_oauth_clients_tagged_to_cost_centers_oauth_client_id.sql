
    
    

select
    oauth_client_id as unique_field,
    count(*) as n_records

from "dbt1"."intermediate"."int_oauth_clients_tagged_to_cost_centers"
where oauth_client_id is not null
group by oauth_client_id
having count(*) > 1


