
    
    



select conversation_id
from "dbt1"."genesys_raw"."conversations"
where conversation_id is null


