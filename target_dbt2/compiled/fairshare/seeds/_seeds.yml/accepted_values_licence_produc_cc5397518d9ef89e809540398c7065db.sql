
    
    

with all_values as (

    select
        billing_model as value_field,
        count(*) as n_records

    from "dbt2"."config"."licence_products"
    group by billing_model

)

select *
from all_values
where value_field not in (
    'named','concurrent'
)


