
    
    



select billing_increment_seconds
from "dbt1"."config"."telecom_rates"
where billing_increment_seconds is null


