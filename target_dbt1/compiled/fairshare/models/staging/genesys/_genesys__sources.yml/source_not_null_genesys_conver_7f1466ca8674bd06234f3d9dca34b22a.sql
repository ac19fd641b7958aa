
    
    



select conversation_id
from "dbt1"."genesys_raw"."conversation_participant_attributes"
where conversation_id is null


