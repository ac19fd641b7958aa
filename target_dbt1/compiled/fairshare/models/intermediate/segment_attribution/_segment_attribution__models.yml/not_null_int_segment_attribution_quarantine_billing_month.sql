
    
    



select billing_month
from "dbt1"."intermediate"."int_segment_attribution_quarantine"
where billing_month is null


