
    
    



select attributed_ms
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where attributed_ms is null


