
    
    



select period_start
from "dbt1"."staging"."stg_genesys__billable_usage"
where period_start is null


