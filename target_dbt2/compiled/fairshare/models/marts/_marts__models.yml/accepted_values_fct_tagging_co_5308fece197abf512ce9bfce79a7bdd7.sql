
    
    

with all_values as (

    select
        object_kind as value_field,
        count(*) as n_records

    from "dbt2"."marts"."fct_tagging_coverage"
    group by object_kind

)

select *
from all_values
where value_field not in (
    'user','queue','did','oauth_client','conversation','month_total'
)


