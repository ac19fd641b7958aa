
    
    



select participant_id
from "dbt1"."staging"."stg_genesys__conversation_participant_attributes"
where participant_id is null


