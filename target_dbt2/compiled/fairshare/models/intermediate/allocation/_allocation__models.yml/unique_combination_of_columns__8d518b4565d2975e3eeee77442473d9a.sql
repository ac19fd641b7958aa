

with

duplicates as (

    select
        user_id,
        session_number,
        count(*) as row_count
    from "dbt2"."intermediate"."int_user_logins_clipped_to_month"
    group by user_id, session_number
    having count(*) > 1

)

select * from duplicates

