
    
    



select amount_cents
from "dbt1"."intermediate"."int_invoice_lines_classified"
where amount_cents is null


