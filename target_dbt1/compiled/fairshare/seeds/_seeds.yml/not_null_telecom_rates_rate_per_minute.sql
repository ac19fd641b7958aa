
    
    



select rate_per_minute
from "dbt1"."config"."telecom_rates"
where rate_per_minute is null


