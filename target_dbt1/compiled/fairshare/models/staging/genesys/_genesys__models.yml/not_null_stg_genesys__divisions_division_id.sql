
    
    



select division_id
from "dbt1"."staging"."stg_genesys__divisions"
where division_id is null


