
    
    



select rate_per_minute
from "dbt2"."config"."telecom_rates"
where rate_per_minute is null


