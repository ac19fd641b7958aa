
    
    



select is_overhead
from "dbt2"."config"."cost_centers"
where is_overhead is null


