
    
    



select period_start
from "dbt1"."genesys_raw"."billable_usage"
where period_start is null


