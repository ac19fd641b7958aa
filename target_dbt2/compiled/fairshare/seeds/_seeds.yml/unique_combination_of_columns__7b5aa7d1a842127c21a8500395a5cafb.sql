

with

duplicates as (

    select
        alias,
        alias_kind,
        count(*) as row_count
    from "dbt2"."config"."cost_center_aliases"
    group by alias, alias_kind
    having count(*) > 1

)

select * from duplicates

