
    
    



select alias_kind
from "dbt2"."config"."cost_center_aliases"
where alias_kind is null


