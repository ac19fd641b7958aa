
    
    



select invoice_id
from "dbt2"."staging"."stg_genesys__invoice_lines"
where invoice_id is null


