
    
    



select user_id
from "dbt1"."staging"."stg_genesys__user_routing_status"
where user_id is null


