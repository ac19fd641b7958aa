
    
    

select
    oauth_client_id as unique_field,
    count(*) as n_records

from "dbt2"."genesys_raw"."oauth_clients"
where oauth_client_id is not null
group by oauth_client_id
having count(*) > 1


