
    
    



select conversation_id
from "dbt2"."genesys_raw"."conversation_participant_attributes"
where conversation_id is null


