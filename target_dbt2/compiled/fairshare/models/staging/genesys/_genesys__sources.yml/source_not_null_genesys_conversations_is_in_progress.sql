
    
    



select is_in_progress
from "dbt2"."genesys_raw"."conversations"
where is_in_progress is null


