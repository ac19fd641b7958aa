
    
    



select division_id
from "dbt2"."staging"."stg_genesys__divisions"
where division_id is null


