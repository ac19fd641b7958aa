
    
    



select leg_ended_at
from "dbt1"."intermediate"."int_trunk_legs_costed"
where leg_ended_at is null


