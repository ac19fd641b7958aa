
    
    



select cost_center_code
from "dbt2"."intermediate"."int_named_users_split_to_cost_centers"
where cost_center_code is null


