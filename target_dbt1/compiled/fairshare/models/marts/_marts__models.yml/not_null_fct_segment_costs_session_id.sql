
    
    



select session_id
from "dbt1"."marts"."fct_segment_costs"
where session_id is null


