
    
    



select slice_started_at
from "dbt1"."marts"."fct_concurrency_peaks"
where slice_started_at is null


