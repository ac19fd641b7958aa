
    
    



select attribute_name
from "dbt1"."staging"."stg_genesys__conversation_participant_attributes"
where attribute_name is null


