
    
    



select line_id
from "dbt1"."genesys_raw"."invoice_lines"
where line_id is null


