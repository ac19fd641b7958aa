
    
    



select start_time
from "dbt2"."genesys_raw"."user_presence"
where start_time is null


