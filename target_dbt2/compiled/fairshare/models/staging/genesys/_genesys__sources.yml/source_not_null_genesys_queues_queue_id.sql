
    
    



select queue_id
from "dbt2"."genesys_raw"."queues"
where queue_id is null


