
    
    



select direction
from "dbt2"."config"."telecom_rates"
where direction is null


