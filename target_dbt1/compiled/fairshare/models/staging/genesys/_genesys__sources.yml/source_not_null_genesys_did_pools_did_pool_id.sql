
    
    



select did_pool_id
from "dbt1"."genesys_raw"."did_pools"
where did_pool_id is null


