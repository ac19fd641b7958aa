
    
    



select cost_center_code
from "dbt2"."marts"."fct_cost_center_month"
where cost_center_code is null


