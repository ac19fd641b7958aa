
    
    



select reason
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where reason is null


