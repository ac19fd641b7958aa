
    
    



select record_kind
from "dbt1"."marts"."fct_quarantine"
where record_kind is null


