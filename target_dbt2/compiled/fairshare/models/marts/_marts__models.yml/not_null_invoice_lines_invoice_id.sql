
    
    



select invoice_id
from "dbt2"."marts"."invoice_lines"
where invoice_id is null


