
    
    



select conversation_id
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where conversation_id is null


