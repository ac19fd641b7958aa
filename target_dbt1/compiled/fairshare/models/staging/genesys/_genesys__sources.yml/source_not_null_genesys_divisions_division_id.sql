
    
    



select division_id
from "dbt1"."genesys_raw"."divisions"
where division_id is null


