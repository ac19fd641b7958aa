
    
    



select charge_id
from "dbt2"."genesys_raw"."billing_period_charges"
where charge_id is null


