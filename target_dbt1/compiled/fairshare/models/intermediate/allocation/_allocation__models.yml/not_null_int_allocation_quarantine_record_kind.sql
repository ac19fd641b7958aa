
    
    



select record_kind
from "dbt1"."intermediate"."int_allocation_quarantine"
where record_kind is null


