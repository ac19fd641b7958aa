
    
    



select start_time
from "dbt2"."genesys_raw"."user_routing_status"
where start_time is null


