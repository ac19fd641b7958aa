
    
    



select source
from "dbt1"."genesys_raw"."invoices"
where source is null


