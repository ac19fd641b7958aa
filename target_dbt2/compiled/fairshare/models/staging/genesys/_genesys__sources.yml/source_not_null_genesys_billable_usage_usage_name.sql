
    
    



select usage_name
from "dbt2"."genesys_raw"."billable_usage"
where usage_name is null


