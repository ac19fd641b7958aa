
    
    



select stage
from "dbt1"."marts"."fct_quarantine"
where stage is null


