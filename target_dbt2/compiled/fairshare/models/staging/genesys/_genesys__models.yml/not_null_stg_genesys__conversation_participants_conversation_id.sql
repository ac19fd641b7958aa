
    
    



select conversation_id
from "dbt2"."staging"."stg_genesys__conversation_participants"
where conversation_id is null


