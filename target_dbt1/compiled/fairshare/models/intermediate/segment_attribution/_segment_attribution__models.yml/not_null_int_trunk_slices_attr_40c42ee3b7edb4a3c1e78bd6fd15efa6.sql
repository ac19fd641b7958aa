
    
    



select attributed_cost_weight
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where attributed_cost_weight is null


