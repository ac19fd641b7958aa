
    
    



select line_id
from "dbt2"."staging"."stg_genesys__invoice_lines"
where line_id is null


