
    
    



select allocation_method
from "dbt2"."marts"."invoice_lines"
where allocation_method is null


