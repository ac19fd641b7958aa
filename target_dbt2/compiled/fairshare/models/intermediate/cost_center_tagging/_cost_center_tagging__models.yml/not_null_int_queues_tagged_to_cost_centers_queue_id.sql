
    
    



select queue_id
from "dbt2"."intermediate"."int_queues_tagged_to_cost_centers"
where queue_id is null


