
    
    



select invoice_line_id
from "dbt2"."intermediate"."int_invoice_lines_classified"
where invoice_line_id is null


