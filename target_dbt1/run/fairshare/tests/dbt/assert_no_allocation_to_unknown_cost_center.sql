
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- No cent goes to a cost center that is not in seeds/cost_centers.csv (ORPHAN included: orphan
-- cost must reach the overhead account or the departments), nor to one inactive in the month.
with

allocated as (
    select
        cost_center_code,
        sum(amount) as amount
    from "dbt1"."marts"."invoice_lines"
    group by 1
),

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
)

select
    allocated.cost_center_code,
    allocated.amount
from allocated
left join cost_centers
    on allocated.cost_center_code = cost_centers.cost_center_code
where
    cost_centers.cost_center_code is null
    or cost_centers.active_from >= cast('2026-11-01' as date)
    or cost_centers.active_to < cast('2026-10-01' as date)
  
  
      
    ) dbt_internal_test