
    
    



select participant_id
from "dbt1"."genesys_raw"."conversation_sessions"
where participant_id is null


