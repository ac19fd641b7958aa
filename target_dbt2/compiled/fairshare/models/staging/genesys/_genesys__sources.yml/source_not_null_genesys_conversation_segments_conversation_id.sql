
    
    



select conversation_id
from "dbt2"."genesys_raw"."conversation_segments"
where conversation_id is null


