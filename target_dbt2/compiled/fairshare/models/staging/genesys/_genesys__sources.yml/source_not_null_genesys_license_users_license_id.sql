
    
    



select license_id
from "dbt2"."genesys_raw"."license_users"
where license_id is null


