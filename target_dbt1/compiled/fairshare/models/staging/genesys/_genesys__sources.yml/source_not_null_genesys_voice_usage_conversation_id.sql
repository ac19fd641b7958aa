
    
    



select conversation_id
from "dbt1"."genesys_raw"."voice_usage"
where conversation_id is null


