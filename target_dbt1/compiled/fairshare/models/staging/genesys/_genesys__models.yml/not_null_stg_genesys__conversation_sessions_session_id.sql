
    
    



select session_id
from "dbt1"."staging"."stg_genesys__conversation_sessions"
where session_id is null


