
    
    



select country_code
from "dbt2"."config"."telecom_rates"
where country_code is null


