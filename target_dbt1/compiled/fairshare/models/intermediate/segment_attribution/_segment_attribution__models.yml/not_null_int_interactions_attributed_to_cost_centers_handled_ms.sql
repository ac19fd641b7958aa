
    
    



select handled_ms
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where handled_ms is null


