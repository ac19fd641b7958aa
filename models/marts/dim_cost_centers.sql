{{ config(**fairshare.monthly_partition()) }}
{#- The cost centers (departments and the overhead account) with their entitlement for var('billing_month'). -#}
with

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

entitlements as (
    select * from {{ ref('int_concurrency_entitlements_resolved') }}
),

own_peaks as (
    select
        cost_center_code,
        max(own_billed_peak) as own_billed_peak
    from {{ ref('int_concurrency_peaks_evaluated') }}
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
        {{ fairshare.billing_month() }} as billing_month,
        entitlements.entitlement as month_concurrent_entitlement,
        coalesce(own_peaks.own_billed_peak, 0) as month_own_billed_peak
    from cost_centers
    left join entitlements
        on cost_centers.cost_center_code = entitlements.cost_center_code
    left join own_peaks
        on cost_centers.cost_center_code = own_peaks.cost_center_code
)

select * from final
