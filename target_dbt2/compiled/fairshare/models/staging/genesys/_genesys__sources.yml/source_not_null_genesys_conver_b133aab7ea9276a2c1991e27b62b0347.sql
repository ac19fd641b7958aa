
    
    



select attribute_name
from "dbt2"."genesys_raw"."conversation_participant_attributes"
where attribute_name is null


