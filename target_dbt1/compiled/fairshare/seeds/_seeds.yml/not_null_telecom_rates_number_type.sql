
    
    



select number_type
from "dbt1"."config"."telecom_rates"
where number_type is null


