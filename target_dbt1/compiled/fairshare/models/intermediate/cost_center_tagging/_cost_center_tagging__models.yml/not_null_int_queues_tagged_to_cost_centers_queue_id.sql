
    
    



select queue_id
from "dbt1"."intermediate"."int_queues_tagged_to_cost_centers"
where queue_id is null


