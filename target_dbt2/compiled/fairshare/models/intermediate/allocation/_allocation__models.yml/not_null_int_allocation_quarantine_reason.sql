
    
    



select reason
from "dbt2"."intermediate"."int_allocation_quarantine"
where reason is null


