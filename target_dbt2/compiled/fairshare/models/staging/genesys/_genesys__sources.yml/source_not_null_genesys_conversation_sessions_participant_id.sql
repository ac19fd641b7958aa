
    
    



select participant_id
from "dbt2"."genesys_raw"."conversation_sessions"
where participant_id is null


