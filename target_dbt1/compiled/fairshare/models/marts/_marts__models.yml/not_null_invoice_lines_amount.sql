
    
    



select amount
from "dbt1"."marts"."invoice_lines"
where amount is null


