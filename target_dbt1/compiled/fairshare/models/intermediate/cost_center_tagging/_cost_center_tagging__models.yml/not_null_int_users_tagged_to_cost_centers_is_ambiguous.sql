
    
    



select is_ambiguous
from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"
where is_ambiguous is null


