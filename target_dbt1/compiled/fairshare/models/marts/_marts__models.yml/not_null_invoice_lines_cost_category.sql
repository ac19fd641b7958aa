
    
    



select cost_category
from "dbt1"."marts"."invoice_lines"
where cost_category is null


