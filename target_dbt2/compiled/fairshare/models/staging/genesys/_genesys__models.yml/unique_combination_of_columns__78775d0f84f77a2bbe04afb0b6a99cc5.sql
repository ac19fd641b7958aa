

with

duplicates as (

    select
        user_id,
        schema_id,
        valid_from,
        count(*) as row_count
    from "dbt2"."staging"."stg_genesys__user_custom_attributes"
    group by user_id, schema_id, valid_from
    having count(*) > 1

)

select * from duplicates

