
    
    



select leg_cost
from "dbt1"."intermediate"."int_trunk_legs_costed"
where leg_cost is null


