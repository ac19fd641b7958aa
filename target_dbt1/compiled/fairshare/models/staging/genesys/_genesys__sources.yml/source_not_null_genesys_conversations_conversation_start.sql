
    
    



select conversation_start
from "dbt1"."genesys_raw"."conversations"
where conversation_start is null


