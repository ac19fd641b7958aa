
    
    



select did_id
from "dbt2"."genesys_raw"."dids"
where did_id is null


