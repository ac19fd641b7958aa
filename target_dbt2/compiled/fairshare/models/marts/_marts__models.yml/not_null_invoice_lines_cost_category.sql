
    
    



select cost_category
from "dbt2"."marts"."invoice_lines"
where cost_category is null


