
    
    



select conversation_id
from "dbt2"."genesys_raw"."conversation_sessions"
where conversation_id is null


