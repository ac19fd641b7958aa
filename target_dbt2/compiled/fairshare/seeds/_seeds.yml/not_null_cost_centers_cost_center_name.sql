
    
    



select cost_center_name
from "dbt2"."config"."cost_centers"
where cost_center_name is null


