
    
    

with all_values as (

    select
        record_kind as value_field,
        count(*) as n_records

    from "dbt1"."intermediate"."int_segment_attribution_quarantine"
    group by record_kind

)

select *
from all_values
where value_field not in (
    'segment','voice_usage','trunk_leg'
)


