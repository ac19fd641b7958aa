
    
    



select user_id
from "dbt2"."genesys_raw"."users"
where user_id is null


