
    
    



select charge_id
from "dbt1"."staging"."stg_genesys__billing_period_charges"
where charge_id is null


