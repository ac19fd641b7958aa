
    
    



select schema_id
from "dbt2"."staging"."stg_genesys__user_custom_attributes"
where schema_id is null


