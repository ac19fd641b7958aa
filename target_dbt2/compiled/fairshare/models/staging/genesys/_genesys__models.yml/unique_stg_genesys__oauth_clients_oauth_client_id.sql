
    
    

select
    oauth_client_id as unique_field,
    count(*) as n_records

from "dbt2"."staging"."stg_genesys__oauth_clients"
where oauth_client_id is not null
group by oauth_client_id
having count(*) > 1


