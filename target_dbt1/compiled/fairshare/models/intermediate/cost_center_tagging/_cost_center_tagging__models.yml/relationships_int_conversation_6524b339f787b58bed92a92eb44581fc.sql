
    
    

with child as (
    select cost_center_code as from_field
    from "dbt1"."intermediate"."int_conversations_tagged_to_cost_centers"
    where cost_center_code is not null
),

parent as (
    select cost_center_code as to_field
    from "dbt1"."config"."cost_centers"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


