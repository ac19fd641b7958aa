
    
    



select conversation_id
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where conversation_id is null


