
    
    

with all_values as (

    select
        alias_kind as value_field,
        count(*) as n_records

    from "dbt2"."config"."cost_center_aliases"
    group by alias_kind

)

select *
from all_values
where value_field not in (
    'department','queue_prefix','custom_attribute','participant_data','any'
)


