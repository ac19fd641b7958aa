
    
    



select conversation_id
from "dbt1"."intermediate"."int_conversations_tagged_to_cost_centers"
where conversation_id is null


