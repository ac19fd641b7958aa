
    
    



select record_kind
from "dbt2"."marts"."fct_quarantine"
where record_kind is null


