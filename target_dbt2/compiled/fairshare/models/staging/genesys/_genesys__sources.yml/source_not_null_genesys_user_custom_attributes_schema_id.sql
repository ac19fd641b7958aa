
    
    



select schema_id
from "dbt2"."genesys_raw"."user_custom_attributes"
where schema_id is null


