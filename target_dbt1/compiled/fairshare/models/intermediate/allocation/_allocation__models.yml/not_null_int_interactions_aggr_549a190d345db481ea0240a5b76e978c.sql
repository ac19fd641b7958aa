
    
    



select cost_center_code
from "dbt1"."intermediate"."int_interactions_aggregated_to_cost_centers"
where cost_center_code is null


