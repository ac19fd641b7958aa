
    
    



select record_kind
from "dbt2"."intermediate"."int_allocation_quarantine"
where record_kind is null


