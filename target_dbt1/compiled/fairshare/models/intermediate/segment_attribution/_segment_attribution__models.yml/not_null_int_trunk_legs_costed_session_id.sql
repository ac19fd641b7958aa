
    
    



select session_id
from "dbt1"."intermediate"."int_trunk_legs_costed"
where session_id is null


