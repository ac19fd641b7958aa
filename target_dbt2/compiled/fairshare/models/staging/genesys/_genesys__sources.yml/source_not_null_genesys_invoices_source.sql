
    
    



select source
from "dbt2"."genesys_raw"."invoices"
where source is null


