
    
    



select user_id
from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
where user_id is null


