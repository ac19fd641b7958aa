
    
    



select record_kind
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where record_kind is null


