

with

duplicates as (

    select
        user_id,
        license_id,
        valid_from,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__license_users"
    group by user_id, license_id, valid_from
    having count(*) > 1

)

select * from duplicates

