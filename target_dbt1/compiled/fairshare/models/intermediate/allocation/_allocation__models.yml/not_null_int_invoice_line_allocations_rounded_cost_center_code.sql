
    
    



select cost_center_code
from "dbt1"."intermediate"."int_invoice_line_allocations_rounded"
where cost_center_code is null


