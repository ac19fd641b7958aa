
    
    



select participant_id
from "dbt2"."staging"."stg_genesys__conversation_participant_attributes"
where participant_id is null


