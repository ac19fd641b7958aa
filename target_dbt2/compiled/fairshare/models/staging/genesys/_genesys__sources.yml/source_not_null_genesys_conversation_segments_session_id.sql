
    
    



select session_id
from "dbt2"."genesys_raw"."conversation_segments"
where session_id is null


