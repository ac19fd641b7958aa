
    
    



select amount
from "dbt2"."marts"."invoice_lines"
where amount is null


