
    
    



select billing_month
from "dbt2"."intermediate"."int_conversations_tagged_to_cost_centers"
where billing_month is null


