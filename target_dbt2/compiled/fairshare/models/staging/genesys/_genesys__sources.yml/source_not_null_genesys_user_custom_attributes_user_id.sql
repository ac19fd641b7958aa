
    
    



select user_id
from "dbt2"."genesys_raw"."user_custom_attributes"
where user_id is null


