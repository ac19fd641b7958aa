
    
    



select did_id
from "dbt2"."intermediate"."int_dids_tagged_to_cost_centers"
where did_id is null


