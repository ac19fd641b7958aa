
    
    



select entitlement
from "dbt2"."intermediate"."int_concurrency_entitlements_resolved"
where entitlement is null


