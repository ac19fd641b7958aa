
    
    



select participant_id
from "dbt2"."genesys_raw"."conversation_segments"
where participant_id is null


