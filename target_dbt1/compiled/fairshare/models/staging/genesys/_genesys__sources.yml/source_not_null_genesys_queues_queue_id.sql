
    
    



select queue_id
from "dbt1"."genesys_raw"."queues"
where queue_id is null


