
    
    



select phone_number
from "dbt2"."config"."did_cost_centers"
where phone_number is null


