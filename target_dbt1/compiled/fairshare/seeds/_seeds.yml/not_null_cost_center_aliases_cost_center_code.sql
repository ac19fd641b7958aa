
    
    



select cost_center_code
from "dbt1"."config"."cost_center_aliases"
where cost_center_code is null


