
    
    



select invoice_line_id
from "dbt1"."intermediate"."int_invoice_lines_classified"
where invoice_line_id is null


