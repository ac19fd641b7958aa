
    
    



select valid_to
from "dbt2"."intermediate"."int_dids_tagged_to_cost_centers"
where valid_to is null


