
    
    



select session_index
from "dbt1"."genesys_raw"."conversation_sessions"
where session_index is null


