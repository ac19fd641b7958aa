
    
    



select user_id
from "dbt2"."genesys_raw"."license_users"
where user_id is null


