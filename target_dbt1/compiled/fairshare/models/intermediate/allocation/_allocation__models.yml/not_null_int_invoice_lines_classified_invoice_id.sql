
    
    



select invoice_id
from "dbt1"."intermediate"."int_invoice_lines_classified"
where invoice_id is null


