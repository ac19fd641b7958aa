
    
    



select segment_index
from "dbt1"."staging"."stg_genesys__conversation_segments"
where segment_index is null


