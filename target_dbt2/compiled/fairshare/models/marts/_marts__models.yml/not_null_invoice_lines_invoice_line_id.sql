
    
    



select invoice_line_id
from "dbt2"."marts"."invoice_lines"
where invoice_line_id is null


