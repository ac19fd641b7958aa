
    
    



select cost_center_name
from "dbt1"."marts"."invoice_lines"
where cost_center_name is null


