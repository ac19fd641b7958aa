
    
    



select segment_index
from "dbt1"."genesys_raw"."conversation_segments"
where segment_index is null


