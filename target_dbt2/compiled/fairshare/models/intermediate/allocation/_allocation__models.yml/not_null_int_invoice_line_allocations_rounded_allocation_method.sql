
    
    



select allocation_method
from "dbt2"."intermediate"."int_invoice_line_allocations_rounded"
where allocation_method is null


