
    
    



select object_kind
from "dbt2"."marts"."fct_tagging_coverage"
where object_kind is null


