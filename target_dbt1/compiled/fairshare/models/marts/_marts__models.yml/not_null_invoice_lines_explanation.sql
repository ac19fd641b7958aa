
    
    



select explanation
from "dbt1"."marts"."invoice_lines"
where explanation is null


