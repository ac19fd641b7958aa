
    
    



select billing_month
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where billing_month is null


