
    
    



select responsibility_level
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where responsibility_level is null


