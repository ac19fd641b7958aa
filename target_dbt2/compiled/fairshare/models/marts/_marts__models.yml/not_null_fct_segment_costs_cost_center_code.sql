
    
    



select cost_center_code
from "dbt2"."marts"."fct_segment_costs"
where cost_center_code is null


