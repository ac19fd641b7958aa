
    
    



select cost_center_code
from "dbt2"."marts"."invoice_lines"
where cost_center_code is null


