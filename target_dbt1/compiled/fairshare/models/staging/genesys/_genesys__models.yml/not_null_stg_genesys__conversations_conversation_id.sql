
    
    



select conversation_id
from "dbt1"."staging"."stg_genesys__conversations"
where conversation_id is null


