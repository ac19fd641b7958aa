
    
    

with all_values as (

    select
        tag_rule as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_dids_tagged_to_cost_centers"
    group by tag_rule

)

select *
from all_values
where value_field not in (
    'did_override','owner_user','owner_ivr_flow','untagged'
)


