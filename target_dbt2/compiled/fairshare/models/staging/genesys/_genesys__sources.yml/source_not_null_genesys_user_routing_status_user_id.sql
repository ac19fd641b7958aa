
    
    



select user_id
from "dbt2"."genesys_raw"."user_routing_status"
where user_id is null


