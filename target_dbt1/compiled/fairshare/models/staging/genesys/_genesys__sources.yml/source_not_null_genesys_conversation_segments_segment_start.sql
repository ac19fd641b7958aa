
    
    



select segment_start
from "dbt1"."genesys_raw"."conversation_segments"
where segment_start is null


