
    
    



select billing_period_id
from "dbt2"."genesys_raw"."billing_period_charges"
where billing_period_id is null


