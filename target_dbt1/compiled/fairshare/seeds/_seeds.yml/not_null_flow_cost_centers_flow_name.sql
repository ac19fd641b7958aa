
    
    



select flow_name
from "dbt1"."config"."flow_cost_centers"
where flow_name is null


