
    
    



select alias_kind
from "dbt1"."config"."cost_center_aliases"
where alias_kind is null


