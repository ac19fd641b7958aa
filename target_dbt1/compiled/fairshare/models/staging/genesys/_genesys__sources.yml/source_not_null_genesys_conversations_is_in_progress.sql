
    
    



select is_in_progress
from "dbt1"."genesys_raw"."conversations"
where is_in_progress is null


