
    
    



select start_time
from "dbt1"."genesys_raw"."user_presence"
where start_time is null


