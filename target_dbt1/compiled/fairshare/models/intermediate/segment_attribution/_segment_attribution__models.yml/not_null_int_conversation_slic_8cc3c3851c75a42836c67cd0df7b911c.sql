
    
    



select slice_ended_ms
from "dbt1"."intermediate"."int_conversation_slices_attributed_to_cost_centers"
where slice_ended_ms is null


