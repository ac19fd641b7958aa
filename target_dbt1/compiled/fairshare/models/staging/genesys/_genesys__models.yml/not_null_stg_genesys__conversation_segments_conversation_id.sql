
    
    



select conversation_id
from "dbt1"."staging"."stg_genesys__conversation_segments"
where conversation_id is null


