
    
    



select billing_month
from "dbt2"."marts"."invoice_lines"
where billing_month is null


