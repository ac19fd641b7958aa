
    
    



select ended_ms
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where ended_ms is null


