
    
    



select allocated_cents
from "dbt1"."intermediate"."int_invoice_line_allocations_rounded"
where allocated_cents is null


