
    
    



select alias
from "dbt1"."config"."cost_center_aliases"
where alias is null


