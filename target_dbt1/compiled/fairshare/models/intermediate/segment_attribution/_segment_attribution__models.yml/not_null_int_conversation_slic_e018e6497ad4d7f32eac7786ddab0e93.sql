
    
    



select slice_started_ms
from "dbt1"."intermediate"."int_conversation_slices_attributed_to_cost_centers"
where slice_started_ms is null


