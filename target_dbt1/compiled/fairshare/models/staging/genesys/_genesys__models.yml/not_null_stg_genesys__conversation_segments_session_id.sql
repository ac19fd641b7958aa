
    
    



select session_id
from "dbt1"."staging"."stg_genesys__conversation_segments"
where session_id is null


