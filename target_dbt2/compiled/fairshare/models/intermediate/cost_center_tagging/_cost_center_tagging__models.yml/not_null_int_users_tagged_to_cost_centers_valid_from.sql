
    
    



select valid_from
from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
where valid_from is null


