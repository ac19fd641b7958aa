
    
    



select conversation_id
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where conversation_id is null


