
    
    



select action_taken
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where action_taken is null


