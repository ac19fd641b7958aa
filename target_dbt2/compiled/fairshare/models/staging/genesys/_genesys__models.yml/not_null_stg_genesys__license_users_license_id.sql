
    
    



select license_id
from "dbt2"."staging"."stg_genesys__license_users"
where license_id is null


