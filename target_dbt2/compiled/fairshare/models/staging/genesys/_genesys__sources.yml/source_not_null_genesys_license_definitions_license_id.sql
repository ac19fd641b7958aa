
    
    



select license_id
from "dbt2"."genesys_raw"."license_definitions"
where license_id is null


