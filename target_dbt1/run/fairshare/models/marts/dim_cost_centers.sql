
    

    create  table
      "dbt1"."marts"."dim_cost_centers__dbt_tmp"
  
    
    as (
      with

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
),

concurrency as (
    select * from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
),

month_entitlements as (
    select
        cost_center_code,
        max(entitlement) as concurrent_entitlement,
        max(own_billed_peak) as own_billed_peak
    from concurrency
    group by 1
),

final as (
    select
        cost_centers.cost_center_code,
        cost_centers.cost_center_name,
        cost_centers.department_head,
        cost_centers.head_email,
        cost_centers.is_overhead,
        cost_centers.gl_account,
        cost_centers.active_from,
        cost_centers.active_to,
        cost_centers.concurrent_entitlement_share,
        cast('2026-10-01' as date) as billing_month,
        month_entitlements.concurrent_entitlement as month_concurrent_entitlement,
        month_entitlements.own_billed_peak as month_own_billed_peak
    from cost_centers
    left join month_entitlements
        on cost_centers.cost_center_code = month_entitlements.cost_center_code
)

select * from final
    );
    
  