
    
    



select cost_center_code
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where cost_center_code is null


