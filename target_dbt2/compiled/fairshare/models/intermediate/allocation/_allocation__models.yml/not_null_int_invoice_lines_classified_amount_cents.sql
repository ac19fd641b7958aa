
    
    



select amount_cents
from "dbt2"."intermediate"."int_invoice_lines_classified"
where amount_cents is null


