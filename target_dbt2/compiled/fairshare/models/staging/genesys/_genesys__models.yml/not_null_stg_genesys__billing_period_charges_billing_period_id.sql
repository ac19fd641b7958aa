
    
    



select billing_period_id
from "dbt2"."staging"."stg_genesys__billing_period_charges"
where billing_period_id is null


