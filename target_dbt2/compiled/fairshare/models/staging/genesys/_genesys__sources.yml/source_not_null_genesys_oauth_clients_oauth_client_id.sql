
    
    



select oauth_client_id
from "dbt2"."genesys_raw"."oauth_clients"
where oauth_client_id is null


