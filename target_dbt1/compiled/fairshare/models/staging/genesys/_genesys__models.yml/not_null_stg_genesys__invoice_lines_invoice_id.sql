
    
    



select invoice_id
from "dbt1"."staging"."stg_genesys__invoice_lines"
where invoice_id is null


