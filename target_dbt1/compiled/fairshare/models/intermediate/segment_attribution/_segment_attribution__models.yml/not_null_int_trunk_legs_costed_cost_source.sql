
    
    



select cost_source
from "dbt1"."intermediate"."int_trunk_legs_costed"
where cost_source is null


