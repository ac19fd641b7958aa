
    
    



select tag_rule
from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
where tag_rule is null


