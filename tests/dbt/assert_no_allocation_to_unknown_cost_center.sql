-- No cent goes to a cost center that is not in seeds/cost_centers.csv (ORPHAN included: orphan
-- cost must reach the overhead account or the departments), nor to one inactive in the month.
with

allocated as (
    select
        cost_center_code,
        sum(cast(amount as {{ fairshare.type_decimal(38, 6) }})) as amount
    from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
    group by 1
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
)

select
    allocated.cost_center_code,
    allocated.amount
from allocated
left join cost_centers
    on allocated.cost_center_code = cost_centers.cost_center_code
where
    cost_centers.cost_center_code is null
    or cost_centers.active_from >= {{ fairshare.billing_month_next() }}
    or cost_centers.active_to < {{ fairshare.billing_month() }}
