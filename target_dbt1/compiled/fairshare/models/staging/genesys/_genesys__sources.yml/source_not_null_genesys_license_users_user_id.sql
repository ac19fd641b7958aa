
    
    



select user_id
from "dbt1"."genesys_raw"."license_users"
where user_id is null


