
    
    



select invoice_id
from "dbt2"."staging"."stg_genesys__invoices"
where invoice_id is null


