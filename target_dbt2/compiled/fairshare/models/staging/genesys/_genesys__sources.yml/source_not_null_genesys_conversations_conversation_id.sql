
    
    



select conversation_id
from "dbt2"."genesys_raw"."conversations"
where conversation_id is null


