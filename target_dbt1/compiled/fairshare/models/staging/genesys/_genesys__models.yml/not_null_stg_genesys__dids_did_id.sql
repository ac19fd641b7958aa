
    
    



select did_id
from "dbt1"."staging"."stg_genesys__dids"
where did_id is null


