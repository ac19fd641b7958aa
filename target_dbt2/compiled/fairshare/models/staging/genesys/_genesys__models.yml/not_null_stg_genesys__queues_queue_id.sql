
    
    



select queue_id
from "dbt2"."staging"."stg_genesys__queues"
where queue_id is null


