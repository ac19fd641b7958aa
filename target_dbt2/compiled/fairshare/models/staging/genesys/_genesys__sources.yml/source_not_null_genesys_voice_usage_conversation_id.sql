
    
    



select conversation_id
from "dbt2"."genesys_raw"."voice_usage"
where conversation_id is null


