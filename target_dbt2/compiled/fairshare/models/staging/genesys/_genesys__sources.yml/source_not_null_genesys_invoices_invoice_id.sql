
    
    



select invoice_id
from "dbt2"."genesys_raw"."invoices"
where invoice_id is null


