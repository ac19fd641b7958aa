
    
    



select cost_center_code
from "dbt2"."intermediate"."int_concurrency_peaks_evaluated"
where cost_center_code is null


