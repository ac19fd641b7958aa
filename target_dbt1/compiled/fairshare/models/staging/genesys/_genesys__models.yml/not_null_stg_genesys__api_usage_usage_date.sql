
    
    



select usage_date
from "dbt1"."staging"."stg_genesys__api_usage"
where usage_date is null


