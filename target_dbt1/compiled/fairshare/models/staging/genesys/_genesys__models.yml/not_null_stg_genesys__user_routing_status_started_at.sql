
    
    



select started_at
from "dbt1"."staging"."stg_genesys__user_routing_status"
where started_at is null


