
    
    



select oauth_client_id
from "dbt2"."staging"."stg_genesys__api_usage"
where oauth_client_id is null


