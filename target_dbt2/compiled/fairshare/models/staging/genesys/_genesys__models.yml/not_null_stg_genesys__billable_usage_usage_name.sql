
    
    



select usage_name
from "dbt2"."staging"."stg_genesys__billable_usage"
where usage_name is null


