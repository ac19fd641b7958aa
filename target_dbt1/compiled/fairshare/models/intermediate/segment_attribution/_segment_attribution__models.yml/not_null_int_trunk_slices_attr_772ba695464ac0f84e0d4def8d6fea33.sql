
    
    



select slice_started_at
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where slice_started_at is null


