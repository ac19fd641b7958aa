
    
    



select cost_center_code
from "dbt2"."marts"."dim_cost_centers"
where cost_center_code is null


