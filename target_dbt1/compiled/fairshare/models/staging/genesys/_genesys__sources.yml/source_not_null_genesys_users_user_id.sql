
    
    



select user_id
from "dbt1"."genesys_raw"."users"
where user_id is null


