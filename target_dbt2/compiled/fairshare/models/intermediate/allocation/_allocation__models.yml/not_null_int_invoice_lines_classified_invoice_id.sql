
    
    



select invoice_id
from "dbt2"."intermediate"."int_invoice_lines_classified"
where invoice_id is null


