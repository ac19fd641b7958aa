

with

duplicates as (

    select
        did_id,
        valid_from,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__dids"
    group by did_id, valid_from
    having count(*) > 1

)

select * from duplicates

