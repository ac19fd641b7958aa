
    
    



select billing_month
from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
where billing_month is null


