
    
    



select oauth_client_id
from "dbt2"."genesys_raw"."api_usage"
where oauth_client_id is null


