
    
    



select did_id
from "dbt1"."intermediate"."int_dids_tagged_to_cost_centers"
where did_id is null


