
    
    



select charge_id
from "dbt1"."genesys_raw"."billing_period_charges"
where charge_id is null


