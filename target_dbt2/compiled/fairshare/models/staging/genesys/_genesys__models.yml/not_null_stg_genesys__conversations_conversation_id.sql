
    
    



select conversation_id
from "dbt2"."staging"."stg_genesys__conversations"
where conversation_id is null


