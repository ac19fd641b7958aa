
    
    



select number_type
from "dbt2"."config"."telecom_rates"
where number_type is null


