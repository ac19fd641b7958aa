
    
    



select user_id
from "dbt2"."marts"."fct_named_users"
where user_id is null


