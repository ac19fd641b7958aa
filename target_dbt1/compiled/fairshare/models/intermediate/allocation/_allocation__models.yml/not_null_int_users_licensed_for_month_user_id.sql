
    
    



select user_id
from "dbt1"."intermediate"."int_users_licensed_for_month"
where user_id is null


