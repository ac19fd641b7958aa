
    
    



select source
from "dbt1"."genesys_raw"."invoice_lines"
where source is null


