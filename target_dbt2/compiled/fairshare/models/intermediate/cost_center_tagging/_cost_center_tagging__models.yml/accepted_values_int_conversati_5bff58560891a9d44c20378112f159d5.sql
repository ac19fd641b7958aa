
    
    

with all_values as (

    select
        tag_rule as value_field,
        count(*) as n_records

    from "dbt2"."intermediate"."int_conversations_tagged_to_cost_centers"
    group by tag_rule

)

select *
from all_values
where value_field not in (
    'participant_data','dialled_did','untagged'
)


