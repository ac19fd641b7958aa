
    
    



select segment_start
from "dbt2"."genesys_raw"."conversation_segments"
where segment_start is null


