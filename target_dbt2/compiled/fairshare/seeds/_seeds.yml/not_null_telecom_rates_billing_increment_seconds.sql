
    
    



select billing_increment_seconds
from "dbt2"."config"."telecom_rates"
where billing_increment_seconds is null


