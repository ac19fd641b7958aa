
    
    



select oauth_client_id
from "dbt1"."genesys_raw"."api_usage"
where oauth_client_id is null


