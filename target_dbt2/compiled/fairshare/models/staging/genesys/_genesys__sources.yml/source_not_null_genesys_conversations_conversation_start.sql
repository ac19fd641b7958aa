
    
    



select conversation_start
from "dbt2"."genesys_raw"."conversations"
where conversation_start is null


