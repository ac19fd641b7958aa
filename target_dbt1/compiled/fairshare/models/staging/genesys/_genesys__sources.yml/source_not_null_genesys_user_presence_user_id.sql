
    
    



select user_id
from "dbt1"."genesys_raw"."user_presence"
where user_id is null


