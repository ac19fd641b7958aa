
    
    



select cost_center_code
from "dbt2"."intermediate"."int_interactions_aggregated_to_cost_centers"
where cost_center_code is null


