
    
    



select valid_to
from "dbt1"."intermediate"."int_queues_tagged_to_cost_centers"
where valid_to is null


