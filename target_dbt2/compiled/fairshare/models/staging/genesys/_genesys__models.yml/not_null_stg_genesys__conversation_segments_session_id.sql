
    
    



select session_id
from "dbt2"."staging"."stg_genesys__conversation_segments"
where session_id is null


