
    
    



select usage_date
from "dbt1"."genesys_raw"."api_usage"
where usage_date is null


