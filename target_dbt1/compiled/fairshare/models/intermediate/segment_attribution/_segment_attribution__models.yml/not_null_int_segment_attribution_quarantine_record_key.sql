
    
    



select record_key
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where record_key is null


