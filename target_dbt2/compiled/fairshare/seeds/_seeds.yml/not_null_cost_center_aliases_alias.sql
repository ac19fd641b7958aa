
    
    



select alias
from "dbt2"."config"."cost_center_aliases"
where alias is null


