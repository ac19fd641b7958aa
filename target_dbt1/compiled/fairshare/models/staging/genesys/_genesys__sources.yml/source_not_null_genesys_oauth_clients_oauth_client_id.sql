
    
    



select oauth_client_id
from "dbt1"."genesys_raw"."oauth_clients"
where oauth_client_id is null


