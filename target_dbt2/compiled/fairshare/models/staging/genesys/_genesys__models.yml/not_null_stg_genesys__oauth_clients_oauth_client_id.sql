
    
    



select oauth_client_id
from "dbt2"."staging"."stg_genesys__oauth_clients"
where oauth_client_id is null


