
    
    



select interaction_share_ppb
from "dbt1"."intermediate"."int_interactions_attributed_to_cost_centers"
where interaction_share_ppb is null


