
    
    



select license_id
from "dbt1"."staging"."stg_genesys__license_definitions"
where license_id is null


