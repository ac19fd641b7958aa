
    
    



select participant_id
from "dbt1"."genesys_raw"."conversation_segments"
where participant_id is null


