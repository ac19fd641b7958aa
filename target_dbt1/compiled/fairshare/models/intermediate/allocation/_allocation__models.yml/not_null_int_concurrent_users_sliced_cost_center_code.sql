
    
    



select cost_center_code
from "dbt1"."intermediate"."int_concurrent_users_sliced"
where cost_center_code is null


