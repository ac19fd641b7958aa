
    
    



select conversation_id
from "dbt1"."staging"."stg_genesys__conversation_sessions"
where conversation_id is null


