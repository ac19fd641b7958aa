
    
    



select session_index
from "dbt2"."genesys_raw"."conversation_sessions"
where session_index is null


