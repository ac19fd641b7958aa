
    
    



select cost_center_code
from "dbt1"."marts"."fct_cost_center_month"
where cost_center_code is null


