
    
    



select reason
from "dbt1"."marts"."fct_quarantine"
where reason is null


