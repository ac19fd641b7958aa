
    
    



select cost_center_code
from "dbt2"."config"."cost_centers"
where cost_center_code is null


