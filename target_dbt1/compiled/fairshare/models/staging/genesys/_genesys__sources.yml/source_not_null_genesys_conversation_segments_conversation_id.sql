
    
    



select conversation_id
from "dbt1"."genesys_raw"."conversation_segments"
where conversation_id is null


