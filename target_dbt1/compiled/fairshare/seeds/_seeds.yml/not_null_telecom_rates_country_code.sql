
    
    



select country_code
from "dbt1"."config"."telecom_rates"
where country_code is null


