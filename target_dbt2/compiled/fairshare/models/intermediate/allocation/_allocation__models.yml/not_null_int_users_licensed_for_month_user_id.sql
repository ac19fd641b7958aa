
    
    



select user_id
from "dbt2"."intermediate"."int_users_licensed_for_month"
where user_id is null


