

with

duplicates as (

    select
        user_id,
        valid_from,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__users"
    group by user_id, valid_from
    having count(*) > 1

)

select * from duplicates

