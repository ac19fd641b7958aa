
    
    



select reason
from "dbt2"."marts"."fct_quarantine"
where reason is null


