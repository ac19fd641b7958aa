
    
    



select is_ambiguous
from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
where is_ambiguous is null


