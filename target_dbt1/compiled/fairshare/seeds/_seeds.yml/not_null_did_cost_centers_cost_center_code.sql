
    
    



select cost_center_code
from "dbt1"."config"."did_cost_centers"
where cost_center_code is null


