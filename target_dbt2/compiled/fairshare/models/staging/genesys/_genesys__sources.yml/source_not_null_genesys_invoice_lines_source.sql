
    
    



select source
from "dbt2"."genesys_raw"."invoice_lines"
where source is null


