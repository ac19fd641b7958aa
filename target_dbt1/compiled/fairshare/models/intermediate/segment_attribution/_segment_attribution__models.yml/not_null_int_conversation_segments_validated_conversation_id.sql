
    
    



select conversation_id
from "dbt1"."intermediate"."int_conversation_segments_validated"
where conversation_id is null


