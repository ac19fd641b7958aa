
    
    



select is_overhead
from "dbt1"."config"."cost_centers"
where is_overhead is null


