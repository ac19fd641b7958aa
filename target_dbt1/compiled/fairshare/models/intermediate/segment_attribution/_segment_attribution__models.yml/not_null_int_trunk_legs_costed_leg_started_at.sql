
    
    



select leg_started_at
from "dbt1"."intermediate"."int_trunk_legs_costed"
where leg_started_at is null


