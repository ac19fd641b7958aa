
    
    



select participant_id
from "dbt2"."genesys_raw"."conversation_participant_attributes"
where participant_id is null


