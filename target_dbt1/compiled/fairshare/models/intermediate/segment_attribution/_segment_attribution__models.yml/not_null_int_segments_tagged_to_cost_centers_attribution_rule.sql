
    
    



select attribution_rule
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where attribution_rule is null


