
    
    



select line_id
from "dbt2"."genesys_raw"."invoice_lines"
where line_id is null


