
    
    



select queue_id
from "dbt1"."staging"."stg_genesys__queues"
where queue_id is null


