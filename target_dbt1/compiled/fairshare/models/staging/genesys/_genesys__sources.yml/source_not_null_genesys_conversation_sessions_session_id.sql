
    
    



select session_id
from "dbt1"."genesys_raw"."conversation_sessions"
where session_id is null


