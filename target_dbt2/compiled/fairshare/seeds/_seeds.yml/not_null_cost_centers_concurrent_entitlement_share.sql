
    
    



select concurrent_entitlement_share
from "dbt2"."config"."cost_centers"
where concurrent_entitlement_share is null


