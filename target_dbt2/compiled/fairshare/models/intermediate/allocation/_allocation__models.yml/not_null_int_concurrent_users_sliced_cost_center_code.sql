
    
    



select cost_center_code
from "dbt2"."intermediate"."int_concurrent_users_sliced"
where cost_center_code is null


