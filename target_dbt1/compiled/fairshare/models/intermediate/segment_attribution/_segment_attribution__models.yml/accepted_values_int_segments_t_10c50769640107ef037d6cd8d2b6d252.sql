
    
    

with all_values as (

    select
        attribution_rule as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_segments_tagged_to_cost_centers"
    group by attribution_rule

)

select *
from all_values
where value_field not in (
    'queue','agent','unknown_queue','ivr_tag','orphan_ivr'
)


