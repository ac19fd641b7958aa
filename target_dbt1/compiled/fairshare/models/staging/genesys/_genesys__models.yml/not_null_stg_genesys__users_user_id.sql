
    
    



select user_id
from "dbt1"."staging"."stg_genesys__users"
where user_id is null


