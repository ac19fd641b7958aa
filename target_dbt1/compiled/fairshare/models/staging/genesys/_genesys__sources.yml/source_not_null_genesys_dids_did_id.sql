
    
    



select did_id
from "dbt1"."genesys_raw"."dids"
where did_id is null


