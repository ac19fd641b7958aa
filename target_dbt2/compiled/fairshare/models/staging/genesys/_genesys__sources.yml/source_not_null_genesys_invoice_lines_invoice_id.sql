
    
    



select invoice_id
from "dbt2"."genesys_raw"."invoice_lines"
where invoice_id is null


