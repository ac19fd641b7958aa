
    
    



select allocation_method
from "dbt1"."marts"."invoice_lines"
where allocation_method is null


