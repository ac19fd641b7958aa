
    
    



select user_id
from "dbt1"."genesys_raw"."user_custom_attributes"
where user_id is null


