
    
    



select participant_index
from "dbt1"."genesys_raw"."conversation_participants"
where participant_index is null


