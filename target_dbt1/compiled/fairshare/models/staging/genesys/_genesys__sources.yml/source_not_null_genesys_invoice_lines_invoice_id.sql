
    
    



select invoice_id
from "dbt1"."genesys_raw"."invoice_lines"
where invoice_id is null


