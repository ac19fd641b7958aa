
    
    



select stage
from "dbt2"."marts"."fct_quarantine"
where stage is null


