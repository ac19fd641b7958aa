
    
    



select conversation_id
from "dbt1"."genesys_raw"."conversation_participants"
where conversation_id is null


