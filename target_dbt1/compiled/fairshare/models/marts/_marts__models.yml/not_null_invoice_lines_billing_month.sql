
    
    



select billing_month
from "dbt1"."marts"."invoice_lines"
where billing_month is null


