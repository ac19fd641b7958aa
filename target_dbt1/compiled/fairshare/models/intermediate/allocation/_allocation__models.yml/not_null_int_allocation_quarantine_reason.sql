
    
    



select reason
from "dbt1"."intermediate"."int_allocation_quarantine"
where reason is null


