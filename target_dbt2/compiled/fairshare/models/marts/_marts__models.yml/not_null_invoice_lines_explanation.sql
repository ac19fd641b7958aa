
    
    



select explanation
from "dbt2"."marts"."invoice_lines"
where explanation is null


