
    
    



select period_start
from "dbt2"."staging"."stg_genesys__billable_usage"
where period_start is null


