
    
    



select cost_center_code
from "dbt1"."marts"."fct_concurrency_peaks"
where cost_center_code is null


