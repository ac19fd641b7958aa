
    
    



select user_id
from "dbt2"."genesys_raw"."user_presence"
where user_id is null


