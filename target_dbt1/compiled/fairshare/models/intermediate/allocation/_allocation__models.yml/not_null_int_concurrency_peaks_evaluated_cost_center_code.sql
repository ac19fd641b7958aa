
    
    



select cost_center_code
from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
where cost_center_code is null


