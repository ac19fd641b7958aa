
    
    



select user_id
from "dbt2"."intermediate"."int_user_logins_clipped_to_month"
where user_id is null


