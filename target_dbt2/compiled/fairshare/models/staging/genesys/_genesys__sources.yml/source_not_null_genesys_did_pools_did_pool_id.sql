
    
    



select did_pool_id
from "dbt2"."genesys_raw"."did_pools"
where did_pool_id is null


