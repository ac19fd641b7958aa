
    
    



select session_id
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where session_id is null


