
    
    



select did_pool_id
from "dbt1"."staging"."stg_genesys__did_pools"
where did_pool_id is null


