
    
    



select period_start
from "dbt2"."genesys_raw"."billable_usage"
where period_start is null


