
    
    



select leg_ms
from "dbt1"."intermediate"."int_trunk_legs_costed"
where leg_ms is null


