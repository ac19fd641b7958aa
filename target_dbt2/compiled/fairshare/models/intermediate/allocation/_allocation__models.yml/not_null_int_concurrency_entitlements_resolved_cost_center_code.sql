
    
    



select cost_center_code
from "dbt2"."intermediate"."int_concurrency_entitlements_resolved"
where cost_center_code is null


