
    
    



select slice_index
from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
where slice_index is null


