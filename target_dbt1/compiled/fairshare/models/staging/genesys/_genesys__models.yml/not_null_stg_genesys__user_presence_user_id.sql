
    
    



select user_id
from "dbt1"."staging"."stg_genesys__user_presence"
where user_id is null


