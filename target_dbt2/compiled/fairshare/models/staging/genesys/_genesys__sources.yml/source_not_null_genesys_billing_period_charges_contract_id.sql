
    
    



select contract_id
from "dbt2"."genesys_raw"."billing_period_charges"
where contract_id is null


