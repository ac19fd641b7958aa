
    

    create  table
      "dbt2"."intermediate"."int_concurrency_entitlements_resolved__dbt_tmp"
  
    
    as (
      with

cost_centers as (
    select * from "dbt2"."config"."cost_centers"
),

slices_by_cost_center as (
    select * from "dbt2"."intermediate"."int_concurrency_slices_by_cost_center"
),

invoice_lines as (
    select * from "dbt2"."intermediate"."int_invoice_lines_classified"
),

prepaid as (
    select sum(quantity) as prepaid_quantity
    from invoice_lines
    where allocation_method = 'concurrent_peak'
),

active_cost_centers as (
    select cost_center_code
    from cost_centers
    where
        (active_from is null or active_from < cast('2026-11-01' as date))
        and (active_to is null or active_to >= cast('2026-10-01' as date))
),

observed_cost_centers as (
    select distinct cost_center_code
    from slices_by_cost_center
),

all_cost_centers as (
    select cost_center_code from active_cost_centers
    union all
    select cost_center_code from observed_cost_centers
),

distinct_cost_centers as (
    select distinct cost_center_code
    from all_cost_centers
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        distinct_cost_centers.cost_center_code,
        cast(coalesce(
            cost_centers.concurrent_entitlement,
            cost_centers.concurrent_entitlement_share * prepaid.prepaid_quantity,
            0
        ) as decimal(18, 6)) as entitlement,
        prepaid.prepaid_quantity
    from distinct_cost_centers
    cross join prepaid
    left join cost_centers
        on distinct_cost_centers.cost_center_code = cost_centers.cost_center_code
)

select * from final
    );
    
  