
    
    



select invoice_id
from "dbt1"."staging"."stg_genesys__invoices"
where invoice_id is null


