
    
    



select session_id
from "dbt1"."intermediate"."int_conversation_segments_validated"
where session_id is null


