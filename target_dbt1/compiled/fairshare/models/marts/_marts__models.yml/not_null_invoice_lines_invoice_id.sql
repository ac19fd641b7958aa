
    
    



select invoice_id
from "dbt1"."marts"."invoice_lines"
where invoice_id is null


