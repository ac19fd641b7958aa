
    
    



select invoice_id
from "dbt1"."genesys_raw"."invoices"
where invoice_id is null


