
    
    



select license_id
from "dbt1"."genesys_raw"."license_users"
where license_id is null


