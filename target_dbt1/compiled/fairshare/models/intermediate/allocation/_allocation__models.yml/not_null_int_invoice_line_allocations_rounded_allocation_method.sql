
    
    



select allocation_method
from "dbt1"."intermediate"."int_invoice_line_allocations_rounded"
where allocation_method is null


