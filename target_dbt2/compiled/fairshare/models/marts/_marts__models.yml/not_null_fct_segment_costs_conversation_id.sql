
    
    



select conversation_id
from "dbt2"."marts"."fct_segment_costs"
where conversation_id is null


