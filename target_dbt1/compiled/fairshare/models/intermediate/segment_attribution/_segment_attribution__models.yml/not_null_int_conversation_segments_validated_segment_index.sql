
    
    



select segment_index
from "dbt1"."intermediate"."int_conversation_segments_validated"
where segment_index is null


