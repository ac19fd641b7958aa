
    
    



select division_id
from "dbt2"."genesys_raw"."divisions"
where division_id is null


