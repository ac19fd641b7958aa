
    
    



select started_ms
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where started_ms is null


