
    
    



select line_id
from "dbt1"."staging"."stg_genesys__invoice_lines"
where line_id is null


