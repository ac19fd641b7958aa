
    
    



select usage_date
from "dbt2"."genesys_raw"."api_usage"
where usage_date is null


