
    
    



select billing_month
from "dbt1"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
where billing_month is null


