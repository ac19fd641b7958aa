
    
    



select concurrent_entitlement_share
from "dbt1"."config"."cost_centers"
where concurrent_entitlement_share is null


