
    
    



select conversation_id
from "dbt1"."intermediate"."int_trunk_legs_costed"
where conversation_id is null


