-- FOCUS: a ServiceName has one and only one ServiceCategory (MUST) and one ServiceSubcategory
-- (SHOULD). Each row returned is a service name mapped to several.
with

services as (
    select * from {{ ref('focus_charge_categories') }}
),

final as (
    select
        service_name,
        count(distinct service_category) as service_categories,
        count(distinct service_subcategory) as service_subcategories
    from services
    group by service_name
    having count(distinct service_category) > 1 or count(distinct service_subcategory) > 1
)

select * from final
