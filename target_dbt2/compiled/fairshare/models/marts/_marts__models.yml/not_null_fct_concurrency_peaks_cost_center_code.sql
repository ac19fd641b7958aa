
    
    



select cost_center_code
from "dbt2"."marts"."fct_concurrency_peaks"
where cost_center_code is null


