
    
    



select contract_id
from "dbt1"."genesys_raw"."billing_period_charges"
where contract_id is null


