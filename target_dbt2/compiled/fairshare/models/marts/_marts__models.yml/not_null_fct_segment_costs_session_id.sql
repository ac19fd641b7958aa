
    
    



select session_id
from "dbt2"."marts"."fct_segment_costs"
where session_id is null


