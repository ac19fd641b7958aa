
    
    



select phone_number
from "dbt1"."config"."did_cost_centers"
where phone_number is null


