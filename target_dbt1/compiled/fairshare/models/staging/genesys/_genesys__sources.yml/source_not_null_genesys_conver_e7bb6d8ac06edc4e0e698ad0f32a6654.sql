
    
    



select participant_id
from "dbt1"."genesys_raw"."conversation_participant_attributes"
where participant_id is null


