
    
    



select user_id
from "dbt2"."intermediate"."int_named_users_split_to_cost_centers"
where user_id is null


