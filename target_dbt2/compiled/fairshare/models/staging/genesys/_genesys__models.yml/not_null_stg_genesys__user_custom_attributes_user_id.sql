
    
    



select user_id
from "dbt2"."staging"."stg_genesys__user_custom_attributes"
where user_id is null


