
    
    



select direction
from "dbt1"."config"."telecom_rates"
where direction is null


