
    
    



select participant_id
from "dbt2"."genesys_raw"."conversation_participants"
where participant_id is null


