
    
    



select attribution_rule
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where attribution_rule is null


