
    
    

with all_values as (

    select
        billing_model as value_field,
        count(*) as n_records

    from "dbt2"."intermediate"."int_users_licensed_for_month"
    group by billing_model

)

select *
from all_values
where value_field not in (
    'named','concurrent'
)


