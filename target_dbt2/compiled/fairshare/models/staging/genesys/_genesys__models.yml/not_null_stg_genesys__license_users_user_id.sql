
    
    



select user_id
from "dbt2"."staging"."stg_genesys__license_users"
where user_id is null


