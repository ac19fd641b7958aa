
    
    



select usage_name
from "dbt1"."genesys_raw"."billable_usage"
where usage_name is null


