
    
    

select
    user_id as unique_field,
    count(*) as n_records

from "dbt1"."intermediate"."int_users_licensed_for_month"
where user_id is not null
group by user_id
having count(*) > 1


