
    
    



select billing_month
from "dbt2"."intermediate"."int_invoice_lines_classified"
where billing_month is null


